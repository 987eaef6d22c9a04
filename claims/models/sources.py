"""Where reports come from: outlets, articles and the extraction runs over them."""

from django.conf import settings
from django.db import models


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(models.Model):
    """One uploaded report. The same body text uploaded twice is one article (content_hash)."""

    class Source(models.TextChoices):
        FORM = "form", "browser form"
        FILE = "file", "file upload"
        API = "api", "REST API"
        COMMAND = "command", "ingest command"

    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="articles")
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    body = models.TextField()
    # sha256 of the normalised body: whitespace and line endings do not make a new article.
    content_hash = models.CharField(max_length=64, unique=True)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.FORM)
    filename = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title or f"Article {self.pk}"

    @property
    def display_title(self):
        return self.title or (self.body[:80] + ("…" if len(self.body) > 80 else ""))

    @property
    def latest_run(self):
        return self.runs.order_by("-created_at", "-pk").first()


class ExtractionRun(models.Model):
    """One extraction job over an article. Its state moves only through services.runs."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    extractor_version = models.CharField(max_length=100, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)  # percent, written by the worker
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    timings = models.JSONField(default=dict, blank=True)  # seconds per pipeline step
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"run {self.pk} of article {self.article_id}: {self.status}"

    @property
    def is_active(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def duration_seconds(self):
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
