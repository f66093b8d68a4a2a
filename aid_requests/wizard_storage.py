"""The family wizards' session storage: nothing written until the family sends a step.

formtools' SessionStorage puts an empty wizard into the session as soon as a step is shown, and marks the
session changed at every read, so each page view of a form writes (and on a first visit inserts) a session
row. Here a visitor who only looks at the first step gets no session at all, and a request that only reads
the wizard's answers (a reload) writes nothing: the session is marked changed only by the writes below.
"""

from formtools.wizard.storage.session import SessionStorage


class LazySessionStorage(SessionStorage):
    def __init__(self, *args, **kwargs):
        super(SessionStorage, self).__init__(*args, **kwargs)  # not SessionStorage's: it writes an empty wizard
        self._unsaved = None

    @property
    def is_stored(self):
        return self.prefix in self.request.session

    def _get_data(self):
        if self.is_stored:
            return self.request.session[self.prefix]
        if self._unsaved is None:  # what an empty wizard holds, read without being saved
            self._unsaved = {
                self.step_key: None,
                self.step_data_key: {},
                self.step_files_key: {},
                self.extra_data_key: {},
            }
        return self._unsaved

    def _set_data(self, value):
        self.request.session[self.prefix] = value
        self.request.session.modified = True

    data = property(_get_data, _set_data)

    def _written(self):
        """Before each write: the wizard's dict is the one in the session, which the write marks as changed."""
        if not self.is_stored:
            self.data = self._get_data()
        self.request.session.modified = True

    def reset(self):
        super().reset()
        self.request.session.modified = True

    def _set_current_step(self, step):
        self._written()
        super()._set_current_step(step)

    def _set_extra_data(self, extra_data):
        self._written()
        super()._set_extra_data(extra_data)

    def set_step_data(self, step, cleaned_data):
        self._written()
        super().set_step_data(step, cleaned_data)

    def set_step_files(self, step, files):
        self._written()
        super().set_step_files(step, files)
