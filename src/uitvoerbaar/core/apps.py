from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "uitvoerbaar.core"
    label = "core"
    verbose_name = _("Organisaties en personen")

    def ready(self) -> None:
        # The project installs SimpleAdminConfig (Django's default admin.site is not used), so
        # the apps' admin modules, which register on `beheer_site`, are imported here.
        from django.utils.module_loading import autodiscover_modules

        from .admin_site import beheer_site

        autodiscover_modules("admin", register_to=beheer_site)
