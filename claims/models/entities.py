"""What reports talk about: places, actors (armed groups, states, parties) and people."""

from django.db import models


class Place(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country"
        PROVINCE = "province"
        DISTRICT = "district"
        CITY = "city"
        VILLAGE = "village"
        REGION = "region"
        PASS = "pass"
        OTHER = "other"

    name = models.CharField(max_length=200, db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    country_code = models.CharField(max_length=2, blank=True, db_index=True)
    aliases = models.JSONField(default=list, blank=True)
    # Null for places the extractor found outside the gazetteer ("the town of X").
    geonames_id = models.BigIntegerField(null=True, blank=True, unique=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # An unresolved place is one row per (name, kind, parent) however often it recurs.
            models.UniqueConstraint(fields=["name", "kind", "parent"],
                                    condition=models.Q(geonames_id__isnull=True),
                                    name="unresolved_place_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.parent.name})" if self.parent_id and self.parent else self.name


class Actor(models.Model):
    """An armed group, state, party or organisation that claims or holds ground."""

    class Kind(models.TextChoices):
        ARMED_GROUP = "armed_group", "armed group"
        STATE = "state"
        PARTY = "party"
        NGO = "ngo", "NGO"
        MEDIA = "media"
        OTHER = "other"

    name = models.CharField(max_length=200, unique=True)  # canonical short name: "Taliban", "NRF"
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(default=list, blank=True)
    description = models.TextField(blank=True)
    color = models.CharField(max_length=7, blank=True)  # hex colour on the board, optional

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(models.Model):
    name = models.CharField(max_length=200, unique=True)  # the fullest spelling seen
    aliases = models.JSONField(default=list, blank=True)  # other spellings and surnames
    affiliation = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="people")
    role = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class Mention(models.Model):
    """An entity span in an article, as found by one extraction run."""

    class Kind(models.TextChoices):
        PERSON = "person"
        ACTOR = "actor"
        PLACE = "place"
        DATE = "date"

    article = models.ForeignKey("claims.Article", on_delete=models.CASCADE,
                                related_name="mentions")
    run = models.ForeignKey("claims.ExtractionRun", on_delete=models.CASCADE,
                            related_name="mentions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.CharField(max_length=500)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    canonical = models.CharField(max_length=200, blank=True)
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["article", "run"])]

    def __str__(self):
        return f"{self.kind}: {self.text}"
