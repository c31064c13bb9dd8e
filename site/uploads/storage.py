"""A file system storage that puts every new upload in a folder named by a random token.

`documents/strategy.pdf` is stored as `documents/<32 hex digits>/strategy.pdf`: the file keeps its
name (people download it under that name) but its address cannot be guessed from a title, a slug
or another file's address. This applies to every upload through the default storage: documents,
original images, renditions and avatars.
"""

import posixpath
import secrets

from django.core.files.storage import FileSystemStorage

TOKEN_BYTES = 16


class UnguessableFileSystemStorage(FileSystemStorage):
    def generate_filename(self, filename: str) -> str:
        folder, name = posixpath.split(super().generate_filename(filename))
        return posixpath.join(folder, secrets.token_hex(TOKEN_BYTES), name)
