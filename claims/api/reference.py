"""/api/v1/places/, actors/, outlets/: read-only reference data for building filters."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound

from claims.api.base import QueryParams, parse_query
from claims.api.pagination import ReferencePages
from claims.models import Actor, Outlet, Place
from claims.selectors.claim_search import actor_list, outlet_list, place_list
from claims.selectors.lookup import MAX_ID


class PlaceOutput(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()

    class Meta:
        model = Place
        fields = ["id", "name", "kind", "parent", "country_code", "aliases", "geonames_id",
                  "lat", "lon"]

    def get_parent(self, place) -> dict | None:
        if place.parent is None:
            return None
        return {"id": place.parent.pk, "name": place.parent.name, "kind": place.parent.kind}


class ActorOutput(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind", "aliases", "description", "color"]


class OutletOutput(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "website"]


class SearchFilter(QueryParams):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200,
                              help_text="Text in the name.")


class PlaceFilter(SearchFilter):
    kind = serializers.ChoiceField(choices=Place.Kind.choices, required=False)
    parent = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False,
                                      help_text="Id of the containing place (a province).")


class _Detail(generics.RetrieveAPIView):
    def get_object(self):
        pk = self.kwargs["pk"]
        found = self.get_queryset().filter(pk=pk).first() if pk <= MAX_ID else None
        if found is None:
            raise NotFound()
        return found


@extend_schema(tags=["reference"], parameters=[PlaceFilter])
class PlaceListApi(generics.ListAPIView):
    """List gazetteer places (provinces, districts, and places found in articles)."""

    serializer_class = PlaceOutput
    pagination_class = ReferencePages

    def get_queryset(self):
        return place_list(**parse_query(PlaceFilter, self.request))


@extend_schema(tags=["reference"])
class PlaceDetailApi(_Detail):
    serializer_class = PlaceOutput

    def get_queryset(self):
        return place_list()


@extend_schema(tags=["reference"], parameters=[SearchFilter])
class ActorListApi(generics.ListAPIView):
    """List actors: armed groups, states, parties and others that claim or hold ground."""

    serializer_class = ActorOutput
    pagination_class = ReferencePages

    def get_queryset(self):
        return actor_list(**parse_query(SearchFilter, self.request))


@extend_schema(tags=["reference"])
class ActorDetailApi(_Detail):
    serializer_class = ActorOutput

    def get_queryset(self):
        return actor_list()


@extend_schema(tags=["reference"], parameters=[SearchFilter])
class OutletListApi(generics.ListAPIView):
    """List the outlets articles came from."""

    serializer_class = OutletOutput
    pagination_class = ReferencePages

    def get_queryset(self):
        return outlet_list(**parse_query(SearchFilter, self.request))


@extend_schema(tags=["reference"])
class OutletDetailApi(_Detail):
    serializer_class = OutletOutput

    def get_queryset(self):
        return outlet_list()
