"""What the family forms (the application and the holiday registration) share as multi-step wizards."""

import uuid

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from formtools.wizard.views import SessionWizardView

from portal.bounded import whole_number
from portal.family_sessions import holds_family_data


class FamilyWizard(SessionWizardView):
    """A wizard that survives a reload, keeps what was typed on Back, adds a child without JavaScript,
    and answers a second click on the last button with the done page instead of an empty form.

    Subclasses name `start_url`, `done_url` and the session key `done_session_key` their done() sets.
    """

    children_step = "children"
    start_url = done_url = done_session_key = None
    storage_name = "aid_requests.wizard_storage.LazySessionStorage"  # no session until a step is sent

    def get(self, request, *args, **kwargs):
        """Resume where the family was (a reload must not lose their answers); ?restart=1 starts over.

        A first visit shows the first step and saves nothing, with ?restart=1 too: the wizard starts when that
        step is sent.
        """
        restart = request.GET.get("restart")
        if self.storage.is_stored and (restart or self.storage.current_step not in self.get_form_list()):
            self._start()
        return self._current_step_again()

    def _start(self):
        self.storage.reset()
        self.storage.current_step = self.steps.first
        self.storage.extra_data = {"submission_key": str(uuid.uuid4())}

    def post(self, *args, **kwargs):
        if not self.storage.is_stored and self._posted_step() == self.steps.first:
            self._start()  # the first step, shown without a session, is sent
        holds_family_data(self.request)
        if self.storage.current_step not in self.get_form_list():  # a second click on the last button after done()
            return redirect(self.done_url if self.done_session_key in self.request.session else self.start_url)
        if self._tampered():
            messages.error(
                self.request, _("Something went wrong with this page. Check your answers and send them again.")
            )
            return self._current_step_again()
        if "add_child" in self.request.POST and self._posted_step() == self.steps.current == self.children_step:
            data = self.request.POST.copy()
            prefix = self.get_form_prefix(self.children_step)
            total = int(data[f"{prefix}-TOTAL_FORMS"])  # checked by _tampered()
            data[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, self.form_list[self.children_step].max_num))
            form = self.get_form(data=data)
            self.storage.set_step_data(self.steps.current, self.process_step(form))
            return self.render(form)
        if "wizard_goto_step" in self.request.POST:  # Back keeps what was typed on this step
            form = self.get_form(data=self.request.POST)
            self.storage.set_step_data(self.steps.current, self.process_step(form))
        return super().post(*args, **kwargs)

    def render_done(self, form, **kwargs):
        """formtools builds and checks every step's form again before done(); the last step's form was checked a
        moment ago from the same data (just stored), so it is used as it is: built once, not twice."""
        self._checked_last_step = form
        return super().render_done(form, **kwargs)

    def get_form(self, step=None, data=None, files=None):
        checked = getattr(self, "_checked_last_step", None)
        if checked is not None and (step or self.steps.current) == self.steps.last:
            return checked
        return super().get_form(step, data, files)

    def _current_step_again(self):
        return self.render(self.get_form(data=self.storage.get_step_data(self.steps.current)))

    def _posted_step(self):
        return self.request.POST.get(f"{self.prefix}-current_step")

    def _tampered(self):
        """Whether the step or the number of children sent back is one this wizard never sends.

        formtools takes the posted step as it is (an unknown one fails with a KeyError), and the children
        formset would build as many forms as the count says, up to a thousand.
        """
        step = self._posted_step()
        if step not in self.get_form_list():
            return True
        if step != self.children_step:
            return False
        total = self.request.POST.get(f"{self.get_form_prefix(step)}-TOTAL_FORMS")
        return whole_number(total, minimum=0, maximum=self.form_list[step].max_num) is None
