"""The request reports in the Reports menu: pages of charts with their tables and exports (portal.chart_reports)."""

from aid_requests.dollars_secured import dollars_tables
from aid_requests.report_filters import RequestReportFilters, requests_in
from aid_requests.request_outcomes import outcome_tables
from aid_requests.request_speed import speed_by_kind, speed_by_month, speed_tables
from aid_requests.request_volume import volume_tables
from portal import spreadsheets
from portal.chart_reports import ChartReportView


class RequestReportView(ChartReportView):
    permission = "aid_requests.view_aidrequest"
    filter_form_class = RequestReportFilters
    figures = None  # a function of the filtered requests returning FigureTables

    def tables(self, filters):
        return type(self).figures(requests_in(filters))


class RequestVolumeView(RequestReportView):
    page_title = "Requests by kind, month, school, status and language"
    export_filename = "requests"
    intro = "Requests made in the period chosen, counted by when families asked."
    figures = volume_tables


class RequestSpeedView(RequestReportView):
    page_title = "How fast requests were met"
    export_filename = "request-speed"
    intro = (
        "Hours from the family's request to its first offer to a partner agency, to an agency's acceptance, "
        "and to help given. Median: half were faster. 90th percentile: nine in ten were faster."
    )
    figures = speed_tables
    one_table = {"speed-by-kind": speed_by_kind, "speed-by-month": speed_by_month}

    def tables(self, filters):
        """An export of one table computes that table alone: one window a measure instead of two."""
        exporting = self.request.GET.get("export") in spreadsheets.FORMATS
        table = self.one_table.get(self.request.GET.get("table")) if exporting else None
        return [table(requests_in(filters))] if table else super().tables(filters)


class RequestOutcomesView(RequestReportView):
    page_title = "How requests ended"
    export_filename = "request-outcomes"
    figures = outcome_tables


class DollarsSecuredView(RequestReportView):
    page_title = "Dollars secured for medical help"
    export_filename = "dollars-secured"
    figures = dollars_tables


# (URL path under /admin/reports/, URL name, menu label, view, icon)
REPORTS = [
    ("requests/", "aid_requests_report_volume", "Requests", RequestVolumeView, "doc-full"),
    ("request-speed/", "aid_requests_report_speed", "How fast requests were met", RequestSpeedView, "time"),
    ("request-outcomes/", "aid_requests_report_outcomes", "How requests ended", RequestOutcomesView, "tick"),
    ("dollars-secured/", "aid_requests_report_dollars", "Dollars secured", DollarsSecuredView, "success"),
]
