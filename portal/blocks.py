"""The one body block every content page shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A section heading; it also appears in the page's outline for screen readers."


class ListBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)
    numbered = blocks.BooleanBlock(required=False, help_text="Number the items when order matters (steps).")

    class Meta:
        icon = "list-ul"
        template = "blocks/list.html"
        description = "A bulleted or numbered list of short items."


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(required=False, max_length=300)
    link_label = blocks.CharBlock(max_length=60, help_text="What the button says, e.g. 'Ask for help'.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False, max_length=300, help_text="Used when no page is chosen, e.g. /requests/apply/."
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        description = "A short invitation with one clear button."

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give a URL."))}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    list = ListBlock()
    call_to_action = CallToActionBlock()
    image = ImageBlock(template="blocks/image.html")
    embed = EmbedBlock(help_text="A video or map link, e.g. a YouTube address.", template="blocks/embed.html")
