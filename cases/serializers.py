"""How the library's related records appear in the open-data API (Wagtail API v2)."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    """A vocabulary term: its stable slug (for filtering) and its name (for people)."""

    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)


class PageLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)


class MilestoneSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    value = serializers.DecimalField(max_digits=14, decimal_places=3, read_only=True)
    label = serializers.CharField(read_only=True)
