"""Charts drawn on the server as SVG with pygal, readable without JavaScript and told apart without colour.

pygal because it writes plain SVG from a few lines of Python, in pure Python (no browser, no
numpy build, no font cache like matplotlib), is maintained by Kozea (WeasyPrint's authors), and
draws stacked bars and lines, which is all the reports need. Its tooltips script is left out
(`js=[]`): it would be fetched from the internet. Every series has a dark colour (at least 3:1
against white) and its own hatching or dash pattern, so it reads in greyscale and to people who
do not tell the colours apart; the data table beside each chart carries the exact figures.
"""

import pygal
from django.utils.html import escape
from django.utils.safestring import mark_safe
from pygal.style import Style

COLOURS = ["#1f4e79", "#b34700", "#2e6b30", "#6a3d9a", "#3d3d3d", "#8c2d04", "#005f73", "#9b2226", "#5c4d00"]
# One hatching per bar series (white strokes over the colour), and one dash pattern per line.
HATCHES = ["", "M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2", "M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6", "M4,0 L4,8", "M0,4 L8,4"]
DASHES = [None, "12, 6", "3, 4", "12, 4, 3, 4", "20, 6"]


def _pattern(index):
    colour = COLOURS[index % len(COLOURS)]
    hatch = HATCHES[index % len(HATCHES)]
    stroke = f'<path d="{hatch}" stroke="#fff" stroke-width="2"/>' if hatch else ""
    return (
        f'<pattern id="series-{index}" patternUnits="userSpaceOnUse" width="8" height="8">'
        f'<rect width="8" height="8" fill="{colour}"/>{stroke}</pattern>'
    )


def _style(hatched):
    colours = [f"url(#series-{index})" for index in range(len(COLOURS))] if hatched else COLOURS
    return Style(
        colors=colours,
        background="white",
        plot_background="white",
        foreground="#222",
        foreground_strong="#000",
        foreground_subtle="#595959",
        opacity="1",
        opacity_hover="1",
        font_family="system-ui, sans-serif",
        title_font_size=18,
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        value_font_size=12,
    )


def draw(kind, title, labels, series):
    """An SVG chart as safe markup: `kind` "bar", "stacked_bar" or "line"; `series` a list of (name, values).

    The SVG is hidden from screen readers (role="img" with its title): the table beside it holds the figures.
    """
    bars = kind != "line"
    chart_class = {"bar": pygal.Bar, "stacked_bar": pygal.StackedBar, "line": pygal.Line}[kind]
    chart = chart_class(
        style=_style(hatched=bars),
        js=[],
        defs=[_pattern(index) for index in range(len(COLOURS))] if bars else [],
        disable_xml_declaration=True,
        title=title,
        width=900,
        height=460,
        legend_at_bottom=True,
        legend_at_bottom_columns=3 if bars else 2,  # line legends have long names
        show_legend=len(series) > 1,  # one series: the title names it
        x_label_rotation=30 if len(labels) > 8 or max((len(str(label)) for label in labels), default=0) > 12 else 0,
        truncate_label=-1,
        truncate_legend=-1,
        print_values=False,
        show_minor_x_labels=True,
        allow_interruptions=True,
        no_data_text="No data for these filters",
        margin_bottom=10,
    )
    chart.x_labels = [str(label) for label in labels]
    for index, (name, values) in enumerate(series):
        options = {} if bars else {"stroke_style": {"width": 3, "dasharray": DASHES[index % len(DASHES)]}}
        chart.add(str(name), list(values), **options)
    svg = chart.render(is_unicode=True)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))
