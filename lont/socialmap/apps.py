from django.apps import AppConfig


class SocialMapConfig(AppConfig):
    name = "lont.socialmap"
    label = "socialmap"
    verbose_name = "Sociale kaart"

    def ready(self) -> None:
        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory

        from .demo import load_demo
        from .models import Contact, ContactPersonLink, ContactReach

        # Contacts are real people: personal data in the CONTACTS category, owned by the
        # organisation that recorded them. Their reach and links follow the same agreement.
        for model in (Contact, ContactReach, ContactPersonLink):
            visibility.register(model, category=InformationCategory.CONTACTS.value)
        # After the subjects loader (40): the demo contacts are linked to its groups by name.
        demo.register(50, load_demo)
        # Principle 9: a contact's "knows person" link goes when the person expires.
        from lont.subjects import expiry

        expiry.register("socialmap.ContactPersonLink", "person", expiry.DELETE)
