"""Admin mixin: ticking "veröffentlicht" in a change form goes through the area's service."""


class VeroeffentlichungAdminMixin:
    """Subclasses implement ``veroeffentlichung_speichern(request, pk, veroeffentlicht)``,
    which calls the same service as the publish/unpublish actions (and so writes the audit
    row)."""

    def veroeffentlichung_speichern(self, request, pk, veroeffentlicht: bool) -> None:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        if "veroeffentlicht" not in form.changed_data:
            return super().save_model(request, obj, form, change)
        gewuenscht = obj.veroeffentlicht
        obj.veroeffentlicht = not gewuenscht
        super().save_model(request, obj, form, change)
        self.veroeffentlichung_speichern(request, obj.pk, gewuenscht)
        obj.veroeffentlicht = gewuenscht
