from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    SUBDIVISION = "subdivision", _("Region")
    DISTRICT = "district", _("District")
    TOWN = "town", _("Town")


class Place(models.Model):
    """A country, region, district or town the deployment knows, by ISO 3166 code."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PlaceKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    country_code = models.CharField(max_length=2, db_index=True)
    alpha3 = models.CharField(
        max_length=3,
        blank=True,
        db_index=True,
        help_text=_("ISO 3166-1 alpha-3 code, for countries only."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Boundary(models.Model):
    """The outline of a place, simplified for drawing maps, and where it came from."""

    place = models.OneToOneField(Place, on_delete=models.CASCADE, related_name="boundary")
    # A GeoJSON Polygon or MultiPolygon geometry, compact, in longitude/latitude degrees.
    geometry = models.TextField()
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    source = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "boundaries"

    def __str__(self):
        return f"Boundary of {self.place}"


class HelplineKind(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency (police, ambulance)")
    CHILD_HELPLINE = "child_helpline", _("Child helpline")
    TRAFFICKING_HOTLINE = "trafficking_hotline", _("Trafficking hotline")


class Helpline(models.Model):
    """A number to call in a jurisdiction; shown first when a child is in danger."""

    jurisdiction = models.CharField(
        max_length=10, db_index=True, help_text=_("ISO 3166 country or subdivision code.")
    )
    kind = models.CharField(max_length=30, choices=HelplineKind.choices)
    name = models.CharField(max_length=200)
    number = models.CharField(max_length=40)
    hours = models.CharField(max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.name}: {self.number}"
