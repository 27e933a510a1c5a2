"""The main window's pages other than the roster, built on first visit (start-up pays only for
the roster) with the branch's services, and put in the places held for them in the stack."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class PagesOnDemand:
    """Mixed into MainWindow (which has ``stack``, ``_factories`` naming these builders,
    ``_page_names``, ``services``, ``members``, ``branch`` and ``_connect_page``)."""

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built on first use and put in its place in the stack."""
        if name not in self.__dict__:
            page = self._factories[name]()
            index = self._page_names.index(name)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.__dict__[name] = page
            self._connect_page(name, page)
        return self.__dict__[name]

    def _meetings_page(self) -> QWidget:
        from dualleader_desktop.ui.pages.meetings_page import MeetingsPage

        services = self.services
        return MeetingsPage(
            services.meetings,
            services.members,
            services.branch,
            archive=services.archive,
            history=services.history,
        )

    def _talks_page(self) -> QWidget:
        from dualleader_desktop.ui.pages.talks_page import TalksPage

        services = self.services
        return TalksPage(
            services.talks, services.members, archive=services.archive, history=services.history
        )

    def _evaluation_page(self) -> QWidget:
        from dualleader_desktop.ui.pages.evaluation_page import EvaluationPage

        services = self.services
        return EvaluationPage(
            services.evaluations,
            services.surveys,
            services.meetings,
            services.members,
            services.branch,
            archive=services.archive,
        )

    def _branch_page(self) -> QWidget:
        from dualleader_desktop.ui.pages.branch_page import BranchPage

        return BranchPage(self.branch, self.members)

    def _archive_page(self) -> QWidget:
        from dualleader_desktop.ui.pages.archive_page import ArchivePage

        return ArchivePage(self.services.archive)

    def _search_page(self) -> QWidget:
        from dualleader_desktop.ui.pages.search_page import SearchPage

        return SearchPage(self.services.search)

    meetings_page = property(lambda self: self.page("meetings_page"))
    talks_page = property(lambda self: self.page("talks_page"))
    evaluation_page = property(lambda self: self.page("evaluation_page"))
    branch_page = property(lambda self: self.page("branch_page"))
    archive_page = property(lambda self: self.page("archive_page"))
    search_page = property(lambda self: self.page("search_page"))

    def _built(self, name: str):
        """The page if it has been built (a page not yet built reads fresh data when it is)."""
        return self.__dict__.get(name)
