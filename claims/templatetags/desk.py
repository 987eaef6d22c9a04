"""Template helpers of the desk: UTC timestamps, the highlighted article text, the side chart.

Article text is untrusted. Everything here builds markup from escaped segments with
``format_html``/``escape`` and never marks raw text safe.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

# Side colours when an actor has none of its own: distinct, and readable on white.
PALETTE = ("#b3361f", "#1f5fb3", "#2e7d32", "#8e44ad", "#b8860b", "#00796b", "#6d4c41")

FLAG_LABELS = {
    "unverified": "unverified", "corroborated": "corroborated", "verified": "verified",
    "disputed": "disputed", "false": "false", "extraction_error": "extraction error",
}


@register.filter
def utc(value) -> str:
    """Show a datetime in UTC as ``2021-09-04 09:00 UTC`` (dates as ``2021-09-04``)."""
    if not value:
        return "—"
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@register.filter
def iso(value) -> str:
    """Machine-readable ISO 8601 for <time datetime=…>."""
    if not value:
        return ""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.isoformat()


@register.filter
def flag_label(value) -> str:
    return FLAG_LABELS.get(value, value or "")


@register.filter
def actor_color(actor) -> str:
    if actor is None:
        return "#777"
    return getattr(actor, "color", "") or PALETTE[actor.id % len(PALETTE)]


def _non_overlapping(spans):
    """Keep spans that do not overlap an earlier-starting (then longer) one."""
    kept, end = [], -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


@register.simple_tag
def highlighted_text(body: str, mentions=(), evidence=()):
    """Return the article body as escaped HTML with entities and claim sentences marked.

    Each claim gets an anchor ``#claim-<id>`` at its sentence, so pages can link to the claim in
    context. Mentions crossing a sentence edge are split at it, never dropped.
    """
    length = len(body)
    sentences = defaultdict(list)
    for item in evidence:
        start = max(0, min(item.sentence_start, length))
        end = max(start, min(start + len(item.sentence), length))
        sentences[(start, end)].append(item.id)
    marks = _non_overlapping([(s, e, ids) for (s, e), ids in sentences.items() if e > s])
    ents = _non_overlapping([(m.start, m.end, m) for m in mentions
                             if 0 <= m.start < m.end <= length])
    anchors = defaultdict(list)
    for (start, _end), ids in sentences.items():
        anchors[start].extend(ids)

    cuts = {0, length}
    for start, end, _ in marks + ents:
        cuts.update((start, end))
    cuts.update(anchors)
    cuts = sorted(c for c in cuts if 0 <= c <= length)

    parts, mark_i, ent_i = [], 0, 0
    open_mark = None
    for a, b in zip(cuts, cuts[1:], strict=False):
        while mark_i < len(marks) and marks[mark_i][1] <= a:
            mark_i += 1
        while ent_i < len(ents) and ents[ent_i][1] <= a:
            ent_i += 1
        for claim_id in anchors.get(a, ()):
            parts.append(format_html('<span class="anchor" id="claim-{}"></span>', claim_id))
        mark = marks[mark_i] if mark_i < len(marks) and marks[mark_i][0] <= a else None
        if mark is not open_mark:
            if open_mark is not None:
                parts.append(mark_safe("</mark>"))
            if mark is not None:
                parts.append(format_html('<mark class="claim-sentence" id="s-{}">', mark[0]))
            open_mark = mark
        segment = body[a:b]
        ent = ents[ent_i] if ent_i < len(ents) and ents[ent_i][0] <= a else None
        if ent is not None:
            m = ent[2]
            parts.append(format_html('<span class="ent ent-{}" title="{}: {}">{}</span>',
                                     m.kind, m.kind, m.canonical or m.text, segment))
        else:
            parts.append(escape(segment))
        if open_mark is not None and b >= open_mark[1]:
            parts.append(mark_safe("</mark>"))
            open_mark = None
    if open_mark is not None:
        parts.append(mark_safe("</mark>"))
    return mark_safe("".join(str(p) for p in parts))


@register.simple_tag
def side_chart(series, width: int = 640, height: int = 170):
    """Return an inline SVG: holding claims per side per day, stacked bars, with a legend."""
    if not series:
        return ""
    first, last = series[0].day, series[-1].day
    days = (last - first).days + 1
    left, bottom, top = 28, 26, 8
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max(sum(n for _, n in point.counts) for point in series) or 1
    bar_w = max(2.0, plot_w / days * 0.7)
    bars, actors = [], {}
    for point in series:
        x = left + ((point.day - first).days + 0.15) * plot_w / days
        y = top + plot_h
        for actor, n in point.counts:
            actors[actor.id] = actor
            h = plot_h * n / peak
            y -= h
            bars.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                "<title>{}: {} on {}</title></rect>",
                f"{x:.1f}", f"{y:.1f}", f"{bar_w:.1f}", f"{h:.1f}", actor_color(actor),
                actor.name, n, point.day.isoformat()))
    axis = format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="#999"/>'
        '<text x="{l}" y="{t}" class="tick">{first}</text>'
        '<text x="{r}" y="{t}" class="tick" text-anchor="end">{last}</text>'
        '<text x="2" y="{yt}" class="tick">{peak}</text>',
        l=left, r=left + plot_w, b=top + plot_h, t=height - 8, first=first.isoformat(),
        last=last.isoformat(), yt=top + 10, peak=peak)
    summary = "; ".join(
        f"{actor.name}: {sum(n for point in series for a, n in point.counts if a.id == actor.id)}"
        for actor in actors.values())
    legend = format_html_join(
        "", '<li><span class="swatch" style="background:{}"></span>{}</li>',
        ((actor_color(a), a.name) for a in actors.values()))
    return format_html(
        '<figure class="chart"><svg viewBox="0 0 {} {}" role="img" aria-label="{}">{}{}</svg>'
        '<figcaption>Holding claims per side per day. <ul class="legend">{}</ul>'
        "</figcaption></figure>",
        width, height, "Holding claims per side: " + summary, axis,
        mark_safe("".join(str(b) for b in bars)), legend)
