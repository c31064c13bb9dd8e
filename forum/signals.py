"""Signals other apps can listen to (the search app re-indexes on them); the forum never imports search.

Ordinary `post_save` / `post_delete` of Topic and Post fire for every single-row change (creating,
editing, hiding, approving, deleting, locking, pinning). These cover the changes made in bulk, which
do not send `post_save`:

- `topic_moved(sender=Topic, topic, from_category, to_category)`: a topic changed category (its
  posts now inherit another category's visibility).
- `topics_merged(sender=Topic, source, target, post_ids)`: the posts `post_ids` moved from `source`
  (now status "merged") into `target`.
- `post_visibility_changed(sender=Post, post, old_status, new_status)`: a post was approved, hidden,
  shown again or deleted; sent after the row is saved.

All three are sent inside the transaction of the change, so a receiver's own writes (the search
outbox) commit or roll back with it; a receiver that must wait for the commit uses
`transaction.on_commit` itself.
"""

from django.dispatch import Signal

topic_moved = Signal()
topics_merged = Signal()
post_visibility_changed = Signal()
