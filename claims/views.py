"""The desk's pages. Each view parses input, calls one selector or service, and renders.

Roles: every page needs a signed-in editor or reporter (staff count as readers); writing
(upload, review, correct, re-run) needs an editor. A signed-in account with no role gets the
friendly 403 page, as does a reporter on an edit URL.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims.forms import (
    BoardFilterForm,
    CorrectionForm,
    QueueFilterForm,
    ReviewForm,
    UploadForm,
    apply_service_errors,
)
from claims.models import Actor, Article, Claim, Place
from claims.permissions import can_read, is_editor
from claims.selectors.articles import article_page, article_run, recent_articles
from claims.selectors.board import (
    board_rows,
    claims_evidence,
    district_detail,
    group_by_province,
    parse_as_of,
    province_rows,
)
from claims.selectors.queue import review_queue
from claims.services.articles import (
    article_create,
    article_create_from_upload,
    extraction_rerun,
)
from claims.services.reviews import StaleReview, claim_correct, claim_review


# --------------------------------------------------------------------------- roles
def reader_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_read(request.user):
            raise PermissionDenied("Your account has no desk role yet.")
        return view(request, *args, **kwargs)
    return wrapper


def editor_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied("Only editors can do this.")
        return view(request, *args, **kwargs)
    return wrapper


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


def _as_of(request):
    """Return (as_of, error message) from ?as_of=."""
    try:
        return parse_as_of(request.GET.get("as_of")), None
    except ValueError as exc:
        return None, f"Ignored the as-of time: {exc}."


def _provinces():
    return Place.objects.filter(kind=Place.Kind.PROVINCE).order_by("name").only("id", "name")


# --------------------------------------------------------------------------- board & district
@reader_required
@require_GET
def board(request):
    as_of, as_of_error = _as_of(request)
    actors = list(Actor.objects.only("id", "name"))
    form = BoardFilterForm(request.GET or None, provinces=_provinces(), actors=actors)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = board_rows(as_of=as_of, province=filters.get("province") or None,
                      status=filters.get("status") or None, actor=filters.get("actor") or None,
                      q=filters.get("q") or None)
    groups = group_by_province(rows, province_rows(as_of=as_of))
    # A search or a province filter is a question about places: show quiet ones open then.
    expand_quiet = bool(filters.get("q") or filters.get("province"))
    return render(request, "claims/board.html", {
        "form": form, "groups": groups, "rows": rows,
        "quiet_groups": [g for g in groups if not (g.reported or g.overall)], "as_of": as_of,
        "as_of_error": as_of_error, "expand_quiet": expand_quiet,
        "reported_count": sum(len(g.reported) for g in groups),
        "quiet_count": sum(len(g.quiet) for g in groups),
    })


@reader_required
@require_GET
def district(request, pk: int):
    as_of, as_of_error = _as_of(request)
    try:
        detail = district_detail(place_id=pk, as_of=as_of)
    except Place.DoesNotExist:
        raise Http404("No such place") from None
    return render(request, "claims/district.html", {
        "detail": detail, "as_of": as_of, "as_of_error": as_of_error,
        "as_of_raw": request.GET.get("as_of", ""),
    })


# --------------------------------------------------------------------------- articles
@reader_required
@require_GET
def article_list(request):
    return render(request, "claims/article_list.html",
                  {"articles": recent_articles(limit=200)})


@reader_required
@require_GET
def article(request, pk: int):
    try:
        page = article_page(article_id=pk)
    except Article.DoesNotExist:
        raise Http404("No such article") from None
    return render(request, "claims/article.html", {"page": page, "run": page.run})


@reader_required
@require_GET
def article_progress(request, pk: int):
    """The job-progress fragment htmx polls while extraction runs.

    When the run has just finished (the page last saw it queued or running), the fragment
    carries the refreshed text and claims as out-of-band swaps, so the page updates in place.
    """
    run = article_run(article_id=pk)
    if run is None and not Article.objects.filter(pk=pk).exists():
        raise Http404("No such article")
    since = request.GET.get("since", "")
    context = {"run": run, "article_id": pk}
    if run is not None and not run.is_active and since in ("queued", "running"):
        context["page"] = article_page(article_id=pk)
        context["oob"] = True
    return render(request, "claims/_progress.html", context)


@editor_required
@require_POST
def article_rerun(request, pk: int):
    article_obj = get_object_or_404(Article, pk=pk)
    extraction_rerun(article=article_obj)
    messages.info(request, "Extraction queued again; reviews and corrections are kept.")
    return redirect("claims:article", pk=pk)


@editor_required
@require_http_methods(["GET", "POST"])
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meta = {"outlet": data["outlet"], "title": data["title"], "url": data["url"],
                "published_at": data["published_at"], "uploaded_by": request.user}
        try:
            if data["file"]:
                upload_file = data["file"]
                result = article_create_from_upload(raw=upload_file.read(),
                                                    filename=upload_file.name, **meta)
            else:
                result = article_create(body=data["body"], **meta)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            if result.created:
                messages.success(request, "Article stored; extraction is under way.")
            else:
                messages.info(request, "This text is already on the desk: here is the "
                                       "existing article. Nothing new was stored.")
            return redirect("claims:article", pk=result.article.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "claims/upload.html", {"form": form}, status=status)


# --------------------------------------------------------------------------- claims & reviews
def _one_evidence(pk: int):
    items = claims_evidence(claim_ids=[pk])
    if not items:
        raise Http404("No such claim")
    return items[0]


@reader_required
@require_GET
def claim_detail(request, pk: int):
    item = _one_evidence(pk)
    return render(request, "claims/claim.html", {"item": item})


@editor_required
@require_POST
def claim_review_view(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    form = ReviewForm(request.POST)
    conflict = None
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim_review(claim=claim, editor=request.user, to_flag=data["to_flag"],
                         seen_version=data["seen_version"], note=data["note"],
                         evidence=form.evidence_links())
        except StaleReview as exc:
            conflict, status = exc, 409
        except ValidationError as exc:
            apply_service_errors(form, exc)
            status = 400
        else:
            if not _is_htmx(request):
                messages.success(request, f"Claim {pk} marked {data['to_flag']}.")
                return redirect(_safe_next(request, reverse("claims:claim", args=[pk])))
            form = None  # a fresh form for the next review
    else:
        status = 400
    item = _one_evidence(pk)
    if conflict:
        # Keep what the editor typed, and point the form at the fresh version so submitting
        # again applies their flag on top of the colleague's review, knowingly.
        form = ReviewForm(initial={"note": request.POST.get("note", ""),
                                   "evidence": request.POST.get("evidence", ""),
                                   "seen_version": item.version})
    context = {"item": item, "review_form": form, "conflict": conflict,
               "intended_flag": request.POST.get("to_flag", ""), "justdone": status == 200}
    template = "claims/_claim_card.html" if _is_htmx(request) else "claims/claim.html"
    return render(request, template, context, status=status)


@editor_required
@require_http_methods(["GET", "POST"])
def claim_correct_view(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    item = _one_evidence(pk)
    conflict = None
    if request.method == "POST":
        form = CorrectionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                claim_correct(claim=claim, editor=request.user,
                              seen_version=data["seen_version"], place=data["place"],
                              claimed_controller=data["claimed_controller"],
                              claim_type=data["claim_type"], speaker=data["speaker"],
                              stance=data["stance"], event_date=data["event_date"],
                              note=data["note"])
            except StaleReview as exc:
                conflict = exc
                # Keep every value typed; only move the version on, so a resubmit applies.
                post = request.POST.copy()
                post["seen_version"] = str(exc.claim.version)
                form = CorrectionForm(post)
                form.is_valid()
                item = _one_evidence(pk)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, "Correction stored beside the original extraction.")
                return redirect(_safe_next(request, reverse("claims:claim", args=[pk])))
        status = 409 if conflict else 400
    else:
        form = CorrectionForm(initial={"seen_version": item.version})
        status = 200
    return render(request, "claims/correct.html",
                  {"item": item, "form": form, "conflict": conflict}, status=status)


@editor_required
@require_GET
def queue(request):
    actors = list(Actor.objects.only("id", "name"))
    form = QueueFilterForm(request.GET or None, provinces=_provinces(), actors=actors)
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        page_number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page_number = 1
    page = review_queue(province=filters.get("province") or None,
                        actor=filters.get("actor") or None, flag=filters.get("flag") or None,
                        q=filters.get("q") or None, page=page_number)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "claims/queue.html",
                  {"form": form, "page": page, "query": query.urlencode()})
