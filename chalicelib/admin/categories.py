"""Categories as editors manage them: create, rename, describe, delete when unused."""
from ..models import (SLUG_RULE, STATUSES, TRASH, ValidationError, build_category,
                      is_valid_slug, suggest_slug)
from ..store import NotFound
from ..urls import slug_from_url
from .editing import entries_in, text_field

CATEGORY_FIELDS = ('slug', 'name', 'description')


def _category_input(data, partial):
    if not isinstance(data, dict):
        raise ValidationError({'body': 'The body must be a JSON object.'})
    unknown = sorted(set(data) - set(CATEGORY_FIELDS))
    if unknown:
        raise ValidationError({'body': 'Unknown field(s): %s.' % ', '.join(unknown)})
    errors = {}
    cleaned = {}
    if 'name' in data or not partial:
        cleaned['name'] = text_field('name', data.get('name'), True, 200, errors)
    if 'description' in data:
        cleaned['description'] = text_field('description', data.get('description'), False,
                                              1000, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned


def create_category(repository, data):
    """A new category; its slug is given or made from the name, and never changes."""
    fields = _category_input(data, partial=False)
    slug = data.get('slug')
    if slug in (None, ''):
        slug = suggest_slug(fields['name'])
    if not is_valid_slug(slug):
        raise ValidationError({'slug': SLUG_RULE})
    existing = repository.list_categories()
    category = build_category(id=max((c.id for c in existing), default=0) + 1, slug=slug,
                              name=fields['name'], description=fields.get('description', ''))
    return repository.put_category(category, create=True)


def categories_by_name(repository):
    return sorted(repository.list_categories(), key=lambda c: c.name.casefold())


def get_category(repository, slug):
    """The category with this slug (in either URL form); NotFound if there is none."""
    slug = slug_from_url(slug)
    found = next((c for c in repository.list_categories() if c.slug == slug), None)
    if found is None:
        raise NotFound('No category %r.' % slug[:60])
    return found


def update_category(repository, slug, data):
    from dataclasses import replace
    slug = slug_from_url(slug)
    current_category = get_category(repository, slug)
    if 'slug' in data and data['slug'] != slug:
        raise ValidationError({'slug': 'A category keeps its slug; create a new one instead.'})
    fields = _category_input({k: v for k, v in data.items() if k != 'slug'}, partial=True)
    return repository.put_category(replace(current_category, **fields))


class CategoryInUse(ValueError):
    pass


def delete_category(repository, slug):
    """Delete a category no entry uses (in any status, the trash included)."""
    slug = slug_from_url(slug)
    get_category(repository, slug)
    users = [e for e in entries_in(repository, STATUSES + (TRASH,)) if slug in e.categories]
    if users:
        raise CategoryInUse('Category %r is used by %d entr%s (%s); remove it from them first.'
                            % (slug, len(users), 'y' if len(users) == 1 else 'ies',
                               ', '.join(str(e.id) for e in users[:10])))
    repository.delete_category(slug)


