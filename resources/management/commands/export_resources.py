from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resources import transfer


class Command(BaseCommand):
    help = (
        "Export every agency or program to a CSV, XLSX or JSON file (the format from its extension); "
        "import_resources reads the file back."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", choices=["agencies", "programs"], help="Default: told from the file's name.")

    def handle(self, *args, file, kind, **options):
        kind = kind or next((kind for kind in ("agencies", "programs") if kind[:6] in file.name.lower()), None)
        if not kind:
            raise CommandError(f"{file}: say what to export with --kind agencies or --kind programs.")
        try:
            content, count = transfer.export_content(kind, transfer.extension_of(file.name))
            file.write_bytes(content)
        except (OSError, transfer.UnreadableFile) as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(f"Exported {count} {kind} to {file}.")
