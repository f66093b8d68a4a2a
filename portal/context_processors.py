from django.utils.functional import SimpleLazyObject

from portal.models import Alert


def alerts(request):
    """The notices to show now; queried only when a template reads them."""
    return {"current_alerts": SimpleLazyObject(lambda: list(Alert.objects.current()))}
