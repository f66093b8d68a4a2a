"""Staff reports made of tables, each drawn as a chart beside it and exported as CSV or XLSX from the same rows.

One table feeds its chart, its HTML table and its exports, so the figures cannot disagree. Apps
build the tables (with aggregations in the database) and subclass ChartReportView; this module
imports no app.
"""

from dataclasses import dataclass, field

import tablib
from django import forms
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import charts, spreadsheets


@dataclass
class FigureTable:
    """Rows of [label, figure, figure...] under `columns`; `chart` is "bar", "stacked_bar", "line" or ""."""

    slug: str
    title: str
    columns: list
    rows: list
    chart: str = "bar"
    note: str = ""
    series_columns: list = field(default_factory=list)  # the columns drawn, when not all of them

    @property
    def is_empty(self):
        return not self.rows

    def svg(self):
        if not self.chart or self.is_empty:
            return ""
        drawn = self.series_columns or list(range(1, len(self.columns)))
        series = [(self.columns[index], [row[index] for row in self.rows]) for index in drawn]
        return charts.draw(self.chart, self.title, [row[0] for row in self.rows], series)

    def dataset(self):
        return tablib.Dataset(*[list(row) for row in self.rows], headers=list(self.columns), title=self.title[:31])


def export_response(table, file_format, filename):
    """The table as a CSV or XLSX download named `filename`-date, through the site's one spreadsheet rule."""
    return spreadsheets.download(
        table.dataset(), file_format, f"{filename}-{table.slug}-{timezone.localdate():%Y-%m-%d}"
    )


class ChartReportView(WagtailAdminTemplateMixin, TemplateView):
    """A report page: a GET filter form, then each table as a chart with its data table and export links.

    Subclasses set `permission`, `page_title`, `filter_form_class`, `export_filename` and write `tables(filters)`.
    Bad filters show their errors and no figures. `?export=csv|xlsx&table=<slug>` downloads one table.
    """

    template_name = "portal/admin/chart_report.html"
    header_icon = "table"
    permission = None
    filter_form_class = forms.Form
    export_filename = "report"
    intro = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = self.filter_form_class(request.GET)
        self.figure_tables = self.tables(self.form.cleaned_data) if self.form.is_valid() else []
        file_format = request.GET.get("export")
        if file_format in spreadsheets.FORMATS and self.form.is_valid():
            chosen = [table for table in self.figure_tables if table.slug == request.GET.get("table")]
            if chosen:
                return export_response(chosen[0], file_format, self.export_filename)
        return super().get(request, *args, **kwargs)

    def tables(self, filters):
        raise NotImplementedError

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("export", None)
        query.pop("table", None)
        context.update(form=self.form, tables=self.figure_tables, query=query.urlencode(), intro=self.intro)
        return context
