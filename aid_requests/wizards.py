"""What the family forms (the application and the holiday registration) share as multi-step wizards."""

import uuid

from django.shortcuts import redirect
from formtools.wizard.views import SessionWizardView


class FamilyWizard(SessionWizardView):
    """A wizard that survives a reload, keeps what was typed on Back, adds a child without JavaScript,
    and answers a second click on the last button with the done page instead of an empty form.

    Subclasses name `start_url`, `done_url` and the session key `done_session_key` their done() sets.
    """

    children_step = "children"
    start_url = done_url = done_session_key = None

    def get(self, request, *args, **kwargs):
        """Resume where the family was (a reload must not lose their answers); ?restart=1 starts over."""
        if request.GET.get("restart") or self.storage.current_step is None:
            self.storage.reset()
            self.storage.current_step = self.steps.first
            self.storage.extra_data = {"submission_key": str(uuid.uuid4())}
        return self.render(self.get_form(data=self.storage.get_step_data(self.steps.current)))

    def post(self, *args, **kwargs):
        if self.storage.current_step is None:  # a second click on the last button after the first one finished
            return redirect(self.done_url if self.done_session_key in self.request.session else self.start_url)
        if "add_child" in self.request.POST and self.steps.current == self.children_step:
            data = self.request.POST.copy()
            prefix = self.get_form_prefix(self.children_step)
            total = int(data.get(f"{prefix}-TOTAL_FORMS") or 1)
            data[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, self.form_list[self.children_step].max_num))
            form = self.get_form(data=data)
            self.storage.set_step_data(self.steps.current, self.process_step(form))
            return self.render(form)
        if "wizard_goto_step" in self.request.POST:  # Back keeps what was typed on this step
            form = self.get_form(data=self.request.POST)
            self.storage.set_step_data(self.steps.current, self.process_step(form))
        return super().post(*args, **kwargs)
