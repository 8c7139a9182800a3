# ruff: noqa
# mypy: ignore-errors
"""Made by `python -m playbook.validate` from the incident-type schema: do not edit."""

SCHEMA_SHA256 = "c851befc2c34fcd65c8778455bb5082288cf835bc180c7205f2f7868c0e7fd3a"
VERSION = "2.22.2"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': re.compile('^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z'),
    '^[^\\n]*\\S[^\\n]*$': re.compile('^[^\\n]*\\S[^\\n]*\\Z'),
    '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$': re.compile('^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\Z'),
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z'),
    '\\S': re.compile('\\S'),
    '^https?://[^\\s]+$': re.compile('^https?://[^\\s]+\\Z'),
    '^[A-Z][A-Z0-9]{0,15}$': re.compile('^[A-Z][A-Z0-9]{0,15}\\Z'),
    '^[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^[a-z0-9]+(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'category', 'version', 'status', 'reviewed', 'mentors', 'summary', 'recognise', 'does_not_apply', 'triage', 'responses']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
            if isinstance(data__id, str):
                data__id_len = len(data__id)
                if data__id_len > 64:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be shorter than or equal to 64 characters")
                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 1 characters")
                if data__title_len > 300:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be shorter than or equal to 300 characters")
                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__title):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must match pattern ^[^\\n]*\\S[^\\n]*$")
        if "category" in data_keys:
            data_keys.remove("category")
            data__category = data["category"]
            if not isinstance(data__category, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be string")
            if isinstance(data__category, str):
                data__category_len = len(data__category)
                if data__category_len > 64:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be shorter than or equal to 64 characters")
                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__category):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
        if "tags" in data_keys:
            data_keys.remove("tags")
            data__tags = data["tags"]
            if not isinstance(data__tags, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags must be array")
            data__tags_is_list = isinstance(data__tags, (list, tuple))
            if data__tags_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else str(var) if isinstance(var, bool) else var
                data__tags_len = len(data__tags)
                if data__tags_len > len(set(fn(data__tags_x) for data__tags_x in data__tags)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags must contain unique items")
                for data__tags_x, data__tags_item in enumerate(data__tags):
                    if not isinstance(data__tags_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + " must be string")
                    if isinstance(data__tags_item, str):
                        data__tags_item_len = len(data__tags_item)
                        if data__tags_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                        if data__tags_item_len > 300:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__tags_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            if not isinstance(data__version, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".version must be string")
            if isinstance(data__version, str):
                if not REGEX_PATTERNS['^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$'].search(data__version):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".version must match pattern ^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$")
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not (isinstance(data__status, str) and data__status == 'draft' or isinstance(data__status, str) and data__status == 'reviewed' or isinstance(data__status, str) and data__status == 'retired'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be one of ['draft', 'reviewed', 'retired']")
        if "reviewed" in data_keys:
            data_keys.remove("reviewed")
            data__reviewed = data["reviewed"]
            if not isinstance(data__reviewed, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reviewed must be string")
            if isinstance(data__reviewed, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data__reviewed):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".reviewed must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
                if not custom_formats["date"](data__reviewed):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".reviewed must be date")
        if "mentors" in data_keys:
            data_keys.remove("mentors")
            data__mentors = data["mentors"]
            if not isinstance(data__mentors, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors must be array")
            data__mentors_is_list = isinstance(data__mentors, (list, tuple))
            if data__mentors_is_list:
                data__mentors_len = len(data__mentors)
                if data__mentors_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors must contain at least 1 items")
                for data__mentors_x, data__mentors_item in enumerate(data__mentors):
                    if not isinstance(data__mentors_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}]".format(**locals()) + " must be object")
                    data__mentors_item_is_dict = isinstance(data__mentors_item, dict)
                    if data__mentors_item_is_dict:
                        data__mentors_item__missing_keys = set(['role', 'years']) - data__mentors_item.keys()
                        if data__mentors_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}]".format(**locals()) + " must contain ")
                        data__mentors_item_keys = set(data__mentors_item.keys())
                        if "role" in data__mentors_item_keys:
                            data__mentors_item_keys.remove("role")
                            data__mentors_item__role = data__mentors_item["role"]
                            if not isinstance(data__mentors_item__role, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].role".format(**locals()) + " must be string")
                            if isinstance(data__mentors_item__role, str):
                                data__mentors_item__role_len = len(data__mentors_item__role)
                                if data__mentors_item__role_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].role".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__mentors_item__role_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].role".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__mentors_item__role):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].role".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "years" in data__mentors_item_keys:
                            data__mentors_item_keys.remove("years")
                            data__mentors_item__years = data__mentors_item["years"]
                            if not isinstance(data__mentors_item__years, (int)) and not (isinstance(data__mentors_item__years, float) and data__mentors_item__years.is_integer()) or isinstance(data__mentors_item__years, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].years".format(**locals()) + " must be integer")
                            if isinstance(data__mentors_item__years, (int, float, Decimal)):
                                if data__mentors_item__years < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].years".format(**locals()) + " must be bigger than or equal to 0")
                                if data__mentors_item__years > 70:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}].years".format(**locals()) + " must be smaller than or equal to 70")
                        if data__mentors_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".mentors[{data__mentors_x}]".format(**locals()) + " must not contain "+str(data__mentors_item_keys)+" properties")
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            if not isinstance(data__summary, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string")
            if isinstance(data__summary, str):
                data__summary_len = len(data__summary)
                if data__summary_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be longer than or equal to 1 characters")
                if data__summary_len > 4000:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be shorter than or equal to 4000 characters")
                if not REGEX_PATTERNS['\\S'].search(data__summary):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must match pattern \\S")
        if "recognise" in data_keys:
            data_keys.remove("recognise")
            data__recognise = data["recognise"]
            if not isinstance(data__recognise, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".recognise must be array")
            data__recognise_is_list = isinstance(data__recognise, (list, tuple))
            if data__recognise_is_list:
                data__recognise_len = len(data__recognise)
                if data__recognise_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".recognise must contain at least 1 items")
                for data__recognise_x, data__recognise_item in enumerate(data__recognise):
                    if not isinstance(data__recognise_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".recognise[{data__recognise_x}]".format(**locals()) + " must be string")
                    if isinstance(data__recognise_item, str):
                        data__recognise_item_len = len(data__recognise_item)
                        if data__recognise_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".recognise[{data__recognise_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                        if data__recognise_item_len > 300:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".recognise[{data__recognise_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__recognise_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".recognise[{data__recognise_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
        if "synonyms" in data_keys:
            data_keys.remove("synonyms")
            data__synonyms = data["synonyms"]
            if not isinstance(data__synonyms, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".synonyms must be array")
            data__synonyms_is_list = isinstance(data__synonyms, (list, tuple))
            if data__synonyms_is_list:
                data__synonyms_len = len(data__synonyms)
                for data__synonyms_x, data__synonyms_item in enumerate(data__synonyms):
                    if not isinstance(data__synonyms_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".synonyms[{data__synonyms_x}]".format(**locals()) + " must be string")
                    if isinstance(data__synonyms_item, str):
                        data__synonyms_item_len = len(data__synonyms_item)
                        if data__synonyms_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".synonyms[{data__synonyms_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                        if data__synonyms_item_len > 300:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".synonyms[{data__synonyms_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__synonyms_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".synonyms[{data__synonyms_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
        if "does_not_apply" in data_keys:
            data_keys.remove("does_not_apply")
            data__doesnotapply = data["does_not_apply"]
            if not isinstance(data__doesnotapply, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply must be array")
            data__doesnotapply_is_list = isinstance(data__doesnotapply, (list, tuple))
            if data__doesnotapply_is_list:
                data__doesnotapply_len = len(data__doesnotapply)
                if data__doesnotapply_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply must contain at least 1 items")
                for data__doesnotapply_x, data__doesnotapply_item in enumerate(data__doesnotapply):
                    if not isinstance(data__doesnotapply_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}]".format(**locals()) + " must be object")
                    data__doesnotapply_item_is_dict = isinstance(data__doesnotapply_item, dict)
                    if data__doesnotapply_item_is_dict:
                        data__doesnotapply_item__missing_keys = set(['when', 'instead']) - data__doesnotapply_item.keys()
                        if data__doesnotapply_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}]".format(**locals()) + " must contain ")
                        data__doesnotapply_item_keys = set(data__doesnotapply_item.keys())
                        if "when" in data__doesnotapply_item_keys:
                            data__doesnotapply_item_keys.remove("when")
                            data__doesnotapply_item__when = data__doesnotapply_item["when"]
                            if not isinstance(data__doesnotapply_item__when, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].when".format(**locals()) + " must be string")
                            if isinstance(data__doesnotapply_item__when, str):
                                data__doesnotapply_item__when_len = len(data__doesnotapply_item__when)
                                if data__doesnotapply_item__when_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].when".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__doesnotapply_item__when_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].when".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__doesnotapply_item__when):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].when".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "instead" in data__doesnotapply_item_keys:
                            data__doesnotapply_item_keys.remove("instead")
                            data__doesnotapply_item__instead = data__doesnotapply_item["instead"]
                            if not isinstance(data__doesnotapply_item__instead, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].instead".format(**locals()) + " must be string")
                            if isinstance(data__doesnotapply_item__instead, str):
                                data__doesnotapply_item__instead_len = len(data__doesnotapply_item__instead)
                                if data__doesnotapply_item__instead_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].instead".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__doesnotapply_item__instead_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].instead".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__doesnotapply_item__instead):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].instead".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "see" in data__doesnotapply_item_keys:
                            data__doesnotapply_item_keys.remove("see")
                            data__doesnotapply_item__see = data__doesnotapply_item["see"]
                            if not isinstance(data__doesnotapply_item__see, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].see".format(**locals()) + " must be string")
                            if isinstance(data__doesnotapply_item__see, str):
                                data__doesnotapply_item__see_len = len(data__doesnotapply_item__see)
                                if data__doesnotapply_item__see_len > 64:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].see".format(**locals()) + " must be shorter than or equal to 64 characters")
                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__doesnotapply_item__see):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}].see".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                        if data__doesnotapply_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".does_not_apply[{data__doesnotapply_x}]".format(**locals()) + " must not contain "+str(data__doesnotapply_item_keys)+" properties")
        if "related" in data_keys:
            data_keys.remove("related")
            data__related = data["related"]
            if not isinstance(data__related, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".related must be array")
            data__related_is_list = isinstance(data__related, (list, tuple))
            if data__related_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else str(var) if isinstance(var, bool) else var
                data__related_len = len(data__related)
                if data__related_len > len(set(fn(data__related_x) for data__related_x in data__related)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".related must contain unique items")
                for data__related_x, data__related_item in enumerate(data__related):
                    if not isinstance(data__related_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".related[{data__related_x}]".format(**locals()) + " must be string")
                    if isinstance(data__related_item, str):
                        data__related_item_len = len(data__related_item)
                        if data__related_item_len > 64:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".related[{data__related_x}]".format(**locals()) + " must be shorter than or equal to 64 characters")
                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__related_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".related[{data__related_x}]".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
        if "references" in data_keys:
            data_keys.remove("references")
            data__references = data["references"]
            if not isinstance(data__references, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".references must be array")
            data__references_is_list = isinstance(data__references, (list, tuple))
            if data__references_is_list:
                data__references_len = len(data__references)
                for data__references_x, data__references_item in enumerate(data__references):
                    if not isinstance(data__references_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}]".format(**locals()) + " must be object")
                    data__references_item_is_dict = isinstance(data__references_item, dict)
                    if data__references_item_is_dict:
                        data__references_item__missing_keys = set(['title', 'url']) - data__references_item.keys()
                        if data__references_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}]".format(**locals()) + " must contain ")
                        data__references_item_keys = set(data__references_item.keys())
                        if "title" in data__references_item_keys:
                            data__references_item_keys.remove("title")
                            data__references_item__title = data__references_item["title"]
                            if not isinstance(data__references_item__title, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].title".format(**locals()) + " must be string")
                            if isinstance(data__references_item__title, str):
                                data__references_item__title_len = len(data__references_item__title)
                                if data__references_item__title_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].title".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__references_item__title_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].title".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__references_item__title):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].title".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "url" in data__references_item_keys:
                            data__references_item_keys.remove("url")
                            data__references_item__url = data__references_item["url"]
                            if not isinstance(data__references_item__url, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].url".format(**locals()) + " must be string")
                            if isinstance(data__references_item__url, str):
                                data__references_item__url_len = len(data__references_item__url)
                                if data__references_item__url_len > 500:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].url".format(**locals()) + " must be shorter than or equal to 500 characters")
                                if not REGEX_PATTERNS['^https?://[^\\s]+$'].search(data__references_item__url):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}].url".format(**locals()) + " must match pattern ^https?://[^\\s]+$")
                        if data__references_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".references[{data__references_x}]".format(**locals()) + " must not contain "+str(data__references_item_keys)+" properties")
        if "clocks" in data_keys:
            data_keys.remove("clocks")
            data__clocks = data["clocks"]
            if not isinstance(data__clocks, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks must be array")
            data__clocks_is_list = isinstance(data__clocks, (list, tuple))
            if data__clocks_is_list:
                data__clocks_len = len(data__clocks)
                for data__clocks_x, data__clocks_item in enumerate(data__clocks):
                    if not isinstance(data__clocks_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}]".format(**locals()) + " must be object")
                    data__clocks_item_is_dict = isinstance(data__clocks_item, dict)
                    if data__clocks_item_is_dict:
                        data__clocks_item__missing_keys = set(['what', 'within', 'starts', 'jurisdiction', 'source']) - data__clocks_item.keys()
                        if data__clocks_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}]".format(**locals()) + " must contain ")
                        data__clocks_item_keys = set(data__clocks_item.keys())
                        if "what" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("what")
                            data__clocks_item__what = data__clocks_item["what"]
                            if not isinstance(data__clocks_item__what, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].what".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__what, str):
                                data__clocks_item__what_len = len(data__clocks_item__what)
                                if data__clocks_item__what_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].what".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__clocks_item__what_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].what".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__clocks_item__what):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].what".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "within" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("within")
                            data__clocks_item__within = data__clocks_item["within"]
                            if not isinstance(data__clocks_item__within, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].within".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__within, str):
                                data__clocks_item__within_len = len(data__clocks_item__within)
                                if data__clocks_item__within_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].within".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__clocks_item__within_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].within".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__clocks_item__within):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].within".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "hours" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("hours")
                            data__clocks_item__hours = data__clocks_item["hours"]
                            if not isinstance(data__clocks_item__hours, (int)) and not (isinstance(data__clocks_item__hours, float) and data__clocks_item__hours.is_integer()) or isinstance(data__clocks_item__hours, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].hours".format(**locals()) + " must be integer")
                            if isinstance(data__clocks_item__hours, (int, float, Decimal)):
                                if data__clocks_item__hours < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].hours".format(**locals()) + " must be bigger than or equal to 1")
                                if data__clocks_item__hours > 8760:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].hours".format(**locals()) + " must be smaller than or equal to 8760")
                        if "starts" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("starts")
                            data__clocks_item__starts = data__clocks_item["starts"]
                            if not isinstance(data__clocks_item__starts, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].starts".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__starts, str):
                                data__clocks_item__starts_len = len(data__clocks_item__starts)
                                if data__clocks_item__starts_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].starts".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__clocks_item__starts_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].starts".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__clocks_item__starts):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].starts".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "jurisdiction" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("jurisdiction")
                            data__clocks_item__jurisdiction = data__clocks_item["jurisdiction"]
                            if not isinstance(data__clocks_item__jurisdiction, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].jurisdiction".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__jurisdiction, str):
                                data__clocks_item__jurisdiction_len = len(data__clocks_item__jurisdiction)
                                if data__clocks_item__jurisdiction_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].jurisdiction".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__clocks_item__jurisdiction_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].jurisdiction".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__clocks_item__jurisdiction):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].jurisdiction".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "recipient" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("recipient")
                            data__clocks_item__recipient = data__clocks_item["recipient"]
                            if not isinstance(data__clocks_item__recipient, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].recipient".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__recipient, str):
                                data__clocks_item__recipient_len = len(data__clocks_item__recipient)
                                if data__clocks_item__recipient_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].recipient".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__clocks_item__recipient_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].recipient".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__clocks_item__recipient):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].recipient".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "duty" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("duty")
                            data__clocks_item__duty = data__clocks_item["duty"]
                            if not (isinstance(data__clocks_item__duty, str) and data__clocks_item__duty == 'must' or isinstance(data__clocks_item__duty, str) and data__clocks_item__duty == 'where-feasible'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].duty".format(**locals()) + " must be one of ['must', 'where-feasible']")
                        if "source" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("source")
                            data__clocks_item__source = data__clocks_item["source"]
                            if not isinstance(data__clocks_item__source, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].source".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__source, str):
                                data__clocks_item__source_len = len(data__clocks_item__source)
                                if data__clocks_item__source_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].source".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__clocks_item__source_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].source".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__clocks_item__source):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].source".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "url" in data__clocks_item_keys:
                            data__clocks_item_keys.remove("url")
                            data__clocks_item__url = data__clocks_item["url"]
                            if not isinstance(data__clocks_item__url, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].url".format(**locals()) + " must be string")
                            if isinstance(data__clocks_item__url, str):
                                data__clocks_item__url_len = len(data__clocks_item__url)
                                if data__clocks_item__url_len > 500:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].url".format(**locals()) + " must be shorter than or equal to 500 characters")
                                if not REGEX_PATTERNS['^https?://[^\\s]+$'].search(data__clocks_item__url):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}].url".format(**locals()) + " must match pattern ^https?://[^\\s]+$")
                        if data__clocks_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".clocks[{data__clocks_x}]".format(**locals()) + " must not contain "+str(data__clocks_item_keys)+" properties")
        if "triage" in data_keys:
            data_keys.remove("triage")
            data__triage = data["triage"]
            if not isinstance(data__triage, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage must be object")
            data__triage_is_dict = isinstance(data__triage, dict)
            if data__triage_is_dict:
                data__triage__missing_keys = set(['questions']) - data__triage.keys()
                if data__triage__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage must contain ")
                data__triage_keys = set(data__triage.keys())
                if "start" in data__triage_keys:
                    data__triage_keys.remove("start")
                    data__triage__start = data__triage["start"]
                    if not isinstance(data__triage__start, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.start must be string")
                    if isinstance(data__triage__start, str):
                        data__triage__start_len = len(data__triage__start)
                        if data__triage__start_len > 64:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.start must be shorter than or equal to 64 characters")
                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__start):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.start must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                if "order" in data__triage_keys:
                    data__triage_keys.remove("order")
                    data__triage__order = data__triage["order"]
                    if not (isinstance(data__triage__order, str) and data__triage__order == 'fewest' or isinstance(data__triage__order, str) and data__triage__order == 'written'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.order must be one of ['fewest', 'written']")
                if "nodes" in data__triage_keys:
                    data__triage_keys.remove("nodes")
                    data__triage__nodes = data__triage["nodes"]
                    if not isinstance(data__triage__nodes, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes must be object")
                    data__triage__nodes_is_dict = isinstance(data__triage__nodes, dict)
                    if data__triage__nodes_is_dict:
                        data__triage__nodes_len = len(data__triage__nodes)
                        if data__triage__nodes_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes must contain at least 1 properties")
                        data__triage__nodes_keys = set(data__triage__nodes.keys())
                        for data__triage__nodes_key in data__triage__nodes_keys:
                            if data__triage__nodes_key not in []:
                                data__triage__nodes_value = data__triage__nodes.get(data__triage__nodes_key)
                                if not isinstance(data__triage__nodes_value, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}".format(**locals()) + " must be object")
                                data__triage__nodes_value_is_dict = isinstance(data__triage__nodes_value, dict)
                                if data__triage__nodes_value_is_dict:
                                    data__triage__nodes_value__missing_keys = set(['question', 'answers']) - data__triage__nodes_value.keys()
                                    if data__triage__nodes_value__missing_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}".format(**locals()) + " must contain ")
                                    data__triage__nodes_value_keys = set(data__triage__nodes_value.keys())
                                    if "question" in data__triage__nodes_value_keys:
                                        data__triage__nodes_value_keys.remove("question")
                                        data__triage__nodes_value__question = data__triage__nodes_value["question"]
                                        if not isinstance(data__triage__nodes_value__question, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.question".format(**locals()) + " must be string")
                                        if isinstance(data__triage__nodes_value__question, str):
                                            data__triage__nodes_value__question_len = len(data__triage__nodes_value__question)
                                            if data__triage__nodes_value__question_len > 64:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.question".format(**locals()) + " must be shorter than or equal to 64 characters")
                                            if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__nodes_value__question):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.question".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                    if "answers" in data__triage__nodes_value_keys:
                                        data__triage__nodes_value_keys.remove("answers")
                                        data__triage__nodes_value__answers = data__triage__nodes_value["answers"]
                                        if not isinstance(data__triage__nodes_value__answers, (dict)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers".format(**locals()) + " must be object")
                                        data__triage__nodes_value__answers_is_dict = isinstance(data__triage__nodes_value__answers, dict)
                                        if data__triage__nodes_value__answers_is_dict:
                                            data__triage__nodes_value__answers_len = len(data__triage__nodes_value__answers)
                                            if data__triage__nodes_value__answers_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers".format(**locals()) + " must contain at least 1 properties")
                                            data__triage__nodes_value__answers_keys = set(data__triage__nodes_value__answers.keys())
                                            for data__triage__nodes_value__answers_key in data__triage__nodes_value__answers_keys:
                                                if data__triage__nodes_value__answers_key not in []:
                                                    data__triage__nodes_value__answers_value = data__triage__nodes_value__answers.get(data__triage__nodes_value__answers_key)
                                                    data__triage__nodes_value__answers_value_any_of_count1 = 0
                                                    if not data__triage__nodes_value__answers_value_any_of_count1:
                                                        try:
                                                            if not isinstance(data__triage__nodes_value__answers_value, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers.{data__triage__nodes_value__answers_key}".format(**locals()) + " must be string")
                                                            if isinstance(data__triage__nodes_value__answers_value, str):
                                                                data__triage__nodes_value__answers_value_len = len(data__triage__nodes_value__answers_value)
                                                                if data__triage__nodes_value__answers_value_len > 64:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers.{data__triage__nodes_value__answers_key}".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__nodes_value__answers_value):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers.{data__triage__nodes_value__answers_key}".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                            data__triage__nodes_value__answers_value_any_of_count1 += 1
                                                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                                    if not data__triage__nodes_value__answers_value_any_of_count1:
                                                        try:
                                                            if not isinstance(data__triage__nodes_value__answers_value, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers.{data__triage__nodes_value__answers_key}".format(**locals()) + " must be string")
                                                            if isinstance(data__triage__nodes_value__answers_value, str):
                                                                if not REGEX_PATTERNS['^[A-Z][A-Z0-9]{0,15}$'].search(data__triage__nodes_value__answers_value):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers.{data__triage__nodes_value__answers_key}".format(**locals()) + " must match pattern ^[A-Z][A-Z0-9]{0,15}$")
                                                            data__triage__nodes_value__answers_value_any_of_count1 += 1
                                                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                                    if not data__triage__nodes_value__answers_value_any_of_count1:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers.{data__triage__nodes_value__answers_key}".format(**locals()) + " cannot be validated by any definition")
                                            if data__triage__nodes_value__answers_len != 0:
                                                data__triage__nodes_value__answers_property_names = True
                                                for data__triage__nodes_value__answers_key in data__triage__nodes_value__answers:
                                                    try:
                                                        if not isinstance(data__triage__nodes_value__answers_key, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers".format(**locals()) + " must be string")
                                                        if isinstance(data__triage__nodes_value__answers_key, str):
                                                            data__triage__nodes_value__answers_key_len = len(data__triage__nodes_value__answers_key)
                                                            if data__triage__nodes_value__answers_key_len > 64:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                            if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data__triage__nodes_value__answers_key):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers".format(**locals()) + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$")
                                                    except (JsonSchemaValueException, JsonSchemaValuesException):
                                                        data__triage__nodes_value__answers_property_names = False
                                                if not data__triage__nodes_value__answers_property_names:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}.answers".format(**locals()) + " must be named by propertyName definition")
                                    if data__triage__nodes_value_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes.{data__triage__nodes_key}".format(**locals()) + " must not contain "+str(data__triage__nodes_value_keys)+" properties")
                        if data__triage__nodes_len != 0:
                            data__triage__nodes_property_names = True
                            for data__triage__nodes_key in data__triage__nodes:
                                try:
                                    if not isinstance(data__triage__nodes_key, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes must be string")
                                    if isinstance(data__triage__nodes_key, str):
                                        data__triage__nodes_key_len = len(data__triage__nodes_key)
                                        if data__triage__nodes_key_len > 64:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes must be shorter than or equal to 64 characters")
                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__nodes_key):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                except (JsonSchemaValueException, JsonSchemaValuesException):
                                    data__triage__nodes_property_names = False
                            if not data__triage__nodes_property_names:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.nodes must be named by propertyName definition")
                if "questions" in data__triage_keys:
                    data__triage_keys.remove("questions")
                    data__triage__questions = data__triage["questions"]
                    if not isinstance(data__triage__questions, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions must be object")
                    data__triage__questions_is_dict = isinstance(data__triage__questions, dict)
                    if data__triage__questions_is_dict:
                        data__triage__questions_len = len(data__triage__questions)
                        if data__triage__questions_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions must contain at least 1 properties")
                        data__triage__questions_keys = set(data__triage__questions.keys())
                        for data__triage__questions_key in data__triage__questions_keys:
                            if data__triage__questions_key not in []:
                                data__triage__questions_value = data__triage__questions.get(data__triage__questions_key)
                                if not isinstance(data__triage__questions_value, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}".format(**locals()) + " must be object")
                                data__triage__questions_value_is_dict = isinstance(data__triage__questions_value, dict)
                                if data__triage__questions_value_is_dict:
                                    data__triage__questions_value__missing_keys = set(['ask', 'answers']) - data__triage__questions_value.keys()
                                    if data__triage__questions_value__missing_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}".format(**locals()) + " must contain ")
                                    data__triage__questions_value_keys = set(data__triage__questions_value.keys())
                                    if "ask" in data__triage__questions_value_keys:
                                        data__triage__questions_value_keys.remove("ask")
                                        data__triage__questions_value__ask = data__triage__questions_value["ask"]
                                        if not isinstance(data__triage__questions_value__ask, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.ask".format(**locals()) + " must be string")
                                        if isinstance(data__triage__questions_value__ask, str):
                                            data__triage__questions_value__ask_len = len(data__triage__questions_value__ask)
                                            if data__triage__questions_value__ask_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.ask".format(**locals()) + " must be longer than or equal to 1 characters")
                                            if data__triage__questions_value__ask_len > 300:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.ask".format(**locals()) + " must be shorter than or equal to 300 characters")
                                            if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__triage__questions_value__ask):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.ask".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                    if "help" in data__triage__questions_value_keys:
                                        data__triage__questions_value_keys.remove("help")
                                        data__triage__questions_value__help = data__triage__questions_value["help"]
                                        if not isinstance(data__triage__questions_value__help, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.help".format(**locals()) + " must be string")
                                        if isinstance(data__triage__questions_value__help, str):
                                            data__triage__questions_value__help_len = len(data__triage__questions_value__help)
                                            if data__triage__questions_value__help_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.help".format(**locals()) + " must be longer than or equal to 1 characters")
                                            if data__triage__questions_value__help_len > 300:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.help".format(**locals()) + " must be shorter than or equal to 300 characters")
                                            if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__triage__questions_value__help):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.help".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                    if "ordered" in data__triage__questions_value_keys:
                                        data__triage__questions_value_keys.remove("ordered")
                                        data__triage__questions_value__ordered = data__triage__questions_value["ordered"]
                                        if not isinstance(data__triage__questions_value__ordered, (bool)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.ordered".format(**locals()) + " must be boolean")
                                    if "answers" in data__triage__questions_value_keys:
                                        data__triage__questions_value_keys.remove("answers")
                                        data__triage__questions_value__answers = data__triage__questions_value["answers"]
                                        if not isinstance(data__triage__questions_value__answers, (list, tuple)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers".format(**locals()) + " must be array")
                                        data__triage__questions_value__answers_is_list = isinstance(data__triage__questions_value__answers, (list, tuple))
                                        if data__triage__questions_value__answers_is_list:
                                            data__triage__questions_value__answers_len = len(data__triage__questions_value__answers)
                                            if data__triage__questions_value__answers_len < 2:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers".format(**locals()) + " must contain at least 2 items")
                                            if data__triage__questions_value__answers_len > 9:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers".format(**locals()) + " must contain less than or equal to 9 items")
                                            for data__triage__questions_value__answers_x, data__triage__questions_value__answers_item in enumerate(data__triage__questions_value__answers):
                                                if not isinstance(data__triage__questions_value__answers_item, (dict)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}]".format(**locals()) + " must be object")
                                                data__triage__questions_value__answers_item_is_dict = isinstance(data__triage__questions_value__answers_item, dict)
                                                if data__triage__questions_value__answers_item_is_dict:
                                                    data__triage__questions_value__answers_item__missing_keys = set(['id', 'label']) - data__triage__questions_value__answers_item.keys()
                                                    if data__triage__questions_value__answers_item__missing_keys:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}]".format(**locals()) + " must contain ")
                                                    data__triage__questions_value__answers_item_keys = set(data__triage__questions_value__answers_item.keys())
                                                    if "id" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("id")
                                                        data__triage__questions_value__answers_item__id = data__triage__questions_value__answers_item["id"]
                                                        if not isinstance(data__triage__questions_value__answers_item__id, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].id".format(**locals()) + " must be string")
                                                        if isinstance(data__triage__questions_value__answers_item__id, str):
                                                            data__triage__questions_value__answers_item__id_len = len(data__triage__questions_value__answers_item__id)
                                                            if data__triage__questions_value__answers_item__id_len > 64:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                            if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data__triage__questions_value__answers_item__id):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].id".format(**locals()) + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$")
                                                    if "label" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("label")
                                                        data__triage__questions_value__answers_item__label = data__triage__questions_value__answers_item["label"]
                                                        if not isinstance(data__triage__questions_value__answers_item__label, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].label".format(**locals()) + " must be string")
                                                        if isinstance(data__triage__questions_value__answers_item__label, str):
                                                            data__triage__questions_value__answers_item__label_len = len(data__triage__questions_value__answers_item__label)
                                                            if data__triage__questions_value__answers_item__label_len < 1:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].label".format(**locals()) + " must be longer than or equal to 1 characters")
                                                            if data__triage__questions_value__answers_item__label_len > 300:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].label".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                            if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__triage__questions_value__answers_item__label):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].label".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                    if "next" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("next")
                                                        data__triage__questions_value__answers_item__next = data__triage__questions_value__answers_item["next"]
                                                        if not isinstance(data__triage__questions_value__answers_item__next, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].next".format(**locals()) + " must be string")
                                                        if isinstance(data__triage__questions_value__answers_item__next, str):
                                                            data__triage__questions_value__answers_item__next_len = len(data__triage__questions_value__answers_item__next)
                                                            if data__triage__questions_value__answers_item__next_len > 64:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].next".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                            if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__questions_value__answers_item__next):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].next".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                    if "outcome" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("outcome")
                                                        data__triage__questions_value__answers_item__outcome = data__triage__questions_value__answers_item["outcome"]
                                                        if not isinstance(data__triage__questions_value__answers_item__outcome, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].outcome".format(**locals()) + " must be string")
                                                        if isinstance(data__triage__questions_value__answers_item__outcome, str):
                                                            if not REGEX_PATTERNS['^[A-Z][A-Z0-9]{0,15}$'].search(data__triage__questions_value__answers_item__outcome):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].outcome".format(**locals()) + " must match pattern ^[A-Z][A-Z0-9]{0,15}$")
                                                    if "unknown" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("unknown")
                                                        data__triage__questions_value__answers_item__unknown = data__triage__questions_value__answers_item["unknown"]
                                                        if not (isinstance(data__triage__questions_value__answers_item__unknown, bool) and data__triage__questions_value__answers_item__unknown is True):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].unknown".format(**locals()) + " must be one of [True]")
                                                    if "key" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("key")
                                                        data__triage__questions_value__answers_item__key = data__triage__questions_value__answers_item["key"]
                                                        if not isinstance(data__triage__questions_value__answers_item__key, (int)) and not (isinstance(data__triage__questions_value__answers_item__key, float) and data__triage__questions_value__answers_item__key.is_integer()) or isinstance(data__triage__questions_value__answers_item__key, bool):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].key".format(**locals()) + " must be integer")
                                                        if isinstance(data__triage__questions_value__answers_item__key, (int, float, Decimal)):
                                                            if data__triage__questions_value__answers_item__key < 1:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].key".format(**locals()) + " must be bigger than or equal to 1")
                                                            if data__triage__questions_value__answers_item__key > 9:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].key".format(**locals()) + " must be smaller than or equal to 9")
                                                    if "means" in data__triage__questions_value__answers_item_keys:
                                                        data__triage__questions_value__answers_item_keys.remove("means")
                                                        data__triage__questions_value__answers_item__means = data__triage__questions_value__answers_item["means"]
                                                        if not isinstance(data__triage__questions_value__answers_item__means, (list, tuple)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].means".format(**locals()) + " must be array")
                                                        data__triage__questions_value__answers_item__means_is_list = isinstance(data__triage__questions_value__answers_item__means, (list, tuple))
                                                        if data__triage__questions_value__answers_item__means_is_list:
                                                            data__triage__questions_value__answers_item__means_len = len(data__triage__questions_value__answers_item__means)
                                                            if data__triage__questions_value__answers_item__means_len < 1:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].means".format(**locals()) + " must contain at least 1 items")
                                                            def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else str(var) if isinstance(var, bool) else var
                                                            if data__triage__questions_value__answers_item__means_len > len(set(fn(data__triage__questions_value__answers_item__means_x) for data__triage__questions_value__answers_item__means_x in data__triage__questions_value__answers_item__means)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].means".format(**locals()) + " must contain unique items")
                                                            for data__triage__questions_value__answers_item__means_x, data__triage__questions_value__answers_item__means_item in enumerate(data__triage__questions_value__answers_item__means):
                                                                if not isinstance(data__triage__questions_value__answers_item__means_item, (str)):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].means[{data__triage__questions_value__answers_item__means_x}]".format(**locals()) + " must be string")
                                                                if isinstance(data__triage__questions_value__answers_item__means_item, str):
                                                                    data__triage__questions_value__answers_item__means_item_len = len(data__triage__questions_value__answers_item__means_item)
                                                                    if data__triage__questions_value__answers_item__means_item_len > 64:
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].means[{data__triage__questions_value__answers_item__means_x}]".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                    if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__questions_value__answers_item__means_item):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}].means[{data__triage__questions_value__answers_item__means_x}]".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                    if data__triage__questions_value__answers_item_keys:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}.answers[{data__triage__questions_value__answers_x}]".format(**locals()) + " must not contain "+str(data__triage__questions_value__answers_item_keys)+" properties")
                                    if data__triage__questions_value_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions.{data__triage__questions_key}".format(**locals()) + " must not contain "+str(data__triage__questions_value_keys)+" properties")
                        if data__triage__questions_len != 0:
                            data__triage__questions_property_names = True
                            for data__triage__questions_key in data__triage__questions:
                                try:
                                    if not isinstance(data__triage__questions_key, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions must be string")
                                    if isinstance(data__triage__questions_key, str):
                                        data__triage__questions_key_len = len(data__triage__questions_key)
                                        if data__triage__questions_key_len > 64:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions must be shorter than or equal to 64 characters")
                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__questions_key):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                except (JsonSchemaValueException, JsonSchemaValuesException):
                                    data__triage__questions_property_names = False
                            if not data__triage__questions_property_names:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.questions must be named by propertyName definition")
                if "table" in data__triage_keys:
                    data__triage_keys.remove("table")
                    data__triage__table = data__triage["table"]
                    if not isinstance(data__triage__table, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table must be array")
                    data__triage__table_is_list = isinstance(data__triage__table, (list, tuple))
                    if data__triage__table_is_list:
                        data__triage__table_len = len(data__triage__table)
                        if data__triage__table_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table must contain at least 1 items")
                        for data__triage__table_x, data__triage__table_item in enumerate(data__triage__table):
                            if not isinstance(data__triage__table_item, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}]".format(**locals()) + " must be object")
                            data__triage__table_item_is_dict = isinstance(data__triage__table_item, dict)
                            if data__triage__table_item_is_dict:
                                data__triage__table_item__missing_keys = set(['when', 'outcome']) - data__triage__table_item.keys()
                                if data__triage__table_item__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}]".format(**locals()) + " must contain ")
                                data__triage__table_item_keys = set(data__triage__table_item.keys())
                                if "when" in data__triage__table_item_keys:
                                    data__triage__table_item_keys.remove("when")
                                    data__triage__table_item__when = data__triage__table_item["when"]
                                    if not isinstance(data__triage__table_item__when, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when".format(**locals()) + " must be object")
                                    data__triage__table_item__when_is_dict = isinstance(data__triage__table_item__when, dict)
                                    if data__triage__table_item__when_is_dict:
                                        data__triage__table_item__when_keys = set(data__triage__table_item__when.keys())
                                        for data__triage__table_item__when_key in data__triage__table_item__when_keys:
                                            if data__triage__table_item__when_key not in []:
                                                data__triage__table_item__when_value = data__triage__table_item__when.get(data__triage__table_item__when_key)
                                                if not isinstance(data__triage__table_item__when_value, (str)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when.{data__triage__table_item__when_key}".format(**locals()) + " must be string")
                                                if isinstance(data__triage__table_item__when_value, str):
                                                    data__triage__table_item__when_value_len = len(data__triage__table_item__when_value)
                                                    if data__triage__table_item__when_value_len > 64:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when.{data__triage__table_item__when_key}".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                    if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data__triage__table_item__when_value):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when.{data__triage__table_item__when_key}".format(**locals()) + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$")
                                        data__triage__table_item__when_len = len(data__triage__table_item__when)
                                        if data__triage__table_item__when_len != 0:
                                            data__triage__table_item__when_property_names = True
                                            for data__triage__table_item__when_key in data__triage__table_item__when:
                                                try:
                                                    if not isinstance(data__triage__table_item__when_key, (str)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when".format(**locals()) + " must be string")
                                                    if isinstance(data__triage__table_item__when_key, str):
                                                        data__triage__table_item__when_key_len = len(data__triage__table_item__when_key)
                                                        if data__triage__table_item__when_key_len > 64:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__triage__table_item__when_key):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                except (JsonSchemaValueException, JsonSchemaValuesException):
                                                    data__triage__table_item__when_property_names = False
                                            if not data__triage__table_item__when_property_names:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].when".format(**locals()) + " must be named by propertyName definition")
                                if "outcome" in data__triage__table_item_keys:
                                    data__triage__table_item_keys.remove("outcome")
                                    data__triage__table_item__outcome = data__triage__table_item["outcome"]
                                    if not isinstance(data__triage__table_item__outcome, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].outcome".format(**locals()) + " must be string")
                                    if isinstance(data__triage__table_item__outcome, str):
                                        if not REGEX_PATTERNS['^[A-Z][A-Z0-9]{0,15}$'].search(data__triage__table_item__outcome):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}].outcome".format(**locals()) + " must match pattern ^[A-Z][A-Z0-9]{0,15}$")
                                if data__triage__table_item_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage.table[{data__triage__table_x}]".format(**locals()) + " must not contain "+str(data__triage__table_item_keys)+" properties")
                if data__triage_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".triage must not contain "+str(data__triage_keys)+" properties")
        if "responses" in data_keys:
            data_keys.remove("responses")
            data__responses = data["responses"]
            if not isinstance(data__responses, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses must be object")
            data__responses_is_dict = isinstance(data__responses, dict)
            if data__responses_is_dict:
                data__responses_len = len(data__responses)
                if data__responses_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses must contain at least 1 properties")
                data__responses_keys = set(data__responses.keys())
                for data__responses_key in data__responses_keys:
                    if data__responses_key not in []:
                        data__responses_value = data__responses.get(data__responses_key)
                        if not isinstance(data__responses_value, (list, tuple)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}".format(**locals()) + " must be array")
                        data__responses_value_is_list = isinstance(data__responses_value, (list, tuple))
                        if data__responses_value_is_list:
                            data__responses_value_len = len(data__responses_value)
                            if data__responses_value_len < 1:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}".format(**locals()) + " must contain at least 1 items")
                            for data__responses_value_x, data__responses_value_item in enumerate(data__responses_value):
                                if not isinstance(data__responses_value_item, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}]".format(**locals()) + " must be object")
                                data__responses_value_item_is_dict = isinstance(data__responses_value_item, dict)
                                if data__responses_value_item_is_dict:
                                    data__responses_value_item__missing_keys = set(['id', 'do', 'owner', 'within']) - data__responses_value_item.keys()
                                    if data__responses_value_item__missing_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}]".format(**locals()) + " must contain ")
                                    data__responses_value_item_keys = set(data__responses_value_item.keys())
                                    if "id" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("id")
                                        data__responses_value_item__id = data__responses_value_item["id"]
                                        if not isinstance(data__responses_value_item__id, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].id".format(**locals()) + " must be string")
                                        if isinstance(data__responses_value_item__id, str):
                                            data__responses_value_item__id_len = len(data__responses_value_item__id)
                                            if data__responses_value_item__id_len > 64:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                            if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__responses_value_item__id):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                    if "do" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("do")
                                        data__responses_value_item__do = data__responses_value_item["do"]
                                        if not isinstance(data__responses_value_item__do, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].do".format(**locals()) + " must be string")
                                        if isinstance(data__responses_value_item__do, str):
                                            data__responses_value_item__do_len = len(data__responses_value_item__do)
                                            if data__responses_value_item__do_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].do".format(**locals()) + " must be longer than or equal to 1 characters")
                                            if data__responses_value_item__do_len > 4000:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].do".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                            if not REGEX_PATTERNS['\\S'].search(data__responses_value_item__do):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].do".format(**locals()) + " must match pattern \\S")
                                    if "owner" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("owner")
                                        data__responses_value_item__owner = data__responses_value_item["owner"]
                                        if not isinstance(data__responses_value_item__owner, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].owner".format(**locals()) + " must be string")
                                        if isinstance(data__responses_value_item__owner, str):
                                            data__responses_value_item__owner_len = len(data__responses_value_item__owner)
                                            if data__responses_value_item__owner_len > 64:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].owner".format(**locals()) + " must be shorter than or equal to 64 characters")
                                            if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__responses_value_item__owner):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].owner".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                    if "within" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("within")
                                        data__responses_value_item__within = data__responses_value_item["within"]
                                        if not isinstance(data__responses_value_item__within, (int)) and not (isinstance(data__responses_value_item__within, float) and data__responses_value_item__within.is_integer()) or isinstance(data__responses_value_item__within, bool):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].within".format(**locals()) + " must be integer")
                                        if isinstance(data__responses_value_item__within, (int, float, Decimal)):
                                            if data__responses_value_item__within < 0:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].within".format(**locals()) + " must be bigger than or equal to 0")
                                            if data__responses_value_item__within > 525600:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].within".format(**locals()) + " must be smaller than or equal to 525600")
                                    if "why" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("why")
                                        data__responses_value_item__why = data__responses_value_item["why"]
                                        if not isinstance(data__responses_value_item__why, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].why".format(**locals()) + " must be string")
                                        if isinstance(data__responses_value_item__why, str):
                                            data__responses_value_item__why_len = len(data__responses_value_item__why)
                                            if data__responses_value_item__why_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].why".format(**locals()) + " must be longer than or equal to 1 characters")
                                            if data__responses_value_item__why_len > 4000:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].why".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                            if not REGEX_PATTERNS['\\S'].search(data__responses_value_item__why):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].why".format(**locals()) + " must match pattern \\S")
                                    if "tips" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("tips")
                                        data__responses_value_item__tips = data__responses_value_item["tips"]
                                        if not isinstance(data__responses_value_item__tips, (list, tuple)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].tips".format(**locals()) + " must be array")
                                        data__responses_value_item__tips_is_list = isinstance(data__responses_value_item__tips, (list, tuple))
                                        if data__responses_value_item__tips_is_list:
                                            data__responses_value_item__tips_len = len(data__responses_value_item__tips)
                                            for data__responses_value_item__tips_x, data__responses_value_item__tips_item in enumerate(data__responses_value_item__tips):
                                                if not isinstance(data__responses_value_item__tips_item, (str)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].tips[{data__responses_value_item__tips_x}]".format(**locals()) + " must be string")
                                                if isinstance(data__responses_value_item__tips_item, str):
                                                    data__responses_value_item__tips_item_len = len(data__responses_value_item__tips_item)
                                                    if data__responses_value_item__tips_item_len < 1:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].tips[{data__responses_value_item__tips_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                    if data__responses_value_item__tips_item_len > 4000:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].tips[{data__responses_value_item__tips_x}]".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                    if not REGEX_PATTERNS['\\S'].search(data__responses_value_item__tips_item):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].tips[{data__responses_value_item__tips_x}]".format(**locals()) + " must match pattern \\S")
                                    if "not_when" in data__responses_value_item_keys:
                                        data__responses_value_item_keys.remove("not_when")
                                        data__responses_value_item__notwhen = data__responses_value_item["not_when"]
                                        if not isinstance(data__responses_value_item__notwhen, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].not_when".format(**locals()) + " must be string")
                                        if isinstance(data__responses_value_item__notwhen, str):
                                            data__responses_value_item__notwhen_len = len(data__responses_value_item__notwhen)
                                            if data__responses_value_item__notwhen_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].not_when".format(**locals()) + " must be longer than or equal to 1 characters")
                                            if data__responses_value_item__notwhen_len > 4000:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].not_when".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                            if not REGEX_PATTERNS['\\S'].search(data__responses_value_item__notwhen):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}].not_when".format(**locals()) + " must match pattern \\S")
                                    if data__responses_value_item_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses.{data__responses_key}[{data__responses_value_x}]".format(**locals()) + " must not contain "+str(data__responses_value_item_keys)+" properties")
                if data__responses_len != 0:
                    data__responses_property_names = True
                    for data__responses_key in data__responses:
                        try:
                            if not isinstance(data__responses_key, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses must be string")
                            if isinstance(data__responses_key, str):
                                if not REGEX_PATTERNS['^[A-Z][A-Z0-9]{0,15}$'].search(data__responses_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses must match pattern ^[A-Z][A-Z0-9]{0,15}$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__responses_property_names = False
                    if not data__responses_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses must be named by propertyName definition")
        if "lessons" in data_keys:
            data_keys.remove("lessons")
            data__lessons = data["lessons"]
            if not isinstance(data__lessons, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons must be array")
            data__lessons_is_list = isinstance(data__lessons, (list, tuple))
            if data__lessons_is_list:
                data__lessons_len = len(data__lessons)
                for data__lessons_x, data__lessons_item in enumerate(data__lessons):
                    if not isinstance(data__lessons_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}]".format(**locals()) + " must be object")
                    data__lessons_item_is_dict = isinstance(data__lessons_item, dict)
                    if data__lessons_item_is_dict:
                        data__lessons_item__missing_keys = set(['id', 'mistake', 'instead']) - data__lessons_item.keys()
                        if data__lessons_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}]".format(**locals()) + " must contain ")
                        data__lessons_item_keys = set(data__lessons_item.keys())
                        if "id" in data__lessons_item_keys:
                            data__lessons_item_keys.remove("id")
                            data__lessons_item__id = data__lessons_item["id"]
                            if not isinstance(data__lessons_item__id, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].id".format(**locals()) + " must be string")
                            if isinstance(data__lessons_item__id, str):
                                data__lessons_item__id_len = len(data__lessons_item__id)
                                if data__lessons_item__id_len > 64:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__lessons_item__id):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                        if "steps" in data__lessons_item_keys:
                            data__lessons_item_keys.remove("steps")
                            data__lessons_item__steps = data__lessons_item["steps"]
                            if not isinstance(data__lessons_item__steps, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].steps".format(**locals()) + " must be array")
                            data__lessons_item__steps_is_list = isinstance(data__lessons_item__steps, (list, tuple))
                            if data__lessons_item__steps_is_list:
                                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else str(var) if isinstance(var, bool) else var
                                data__lessons_item__steps_len = len(data__lessons_item__steps)
                                if data__lessons_item__steps_len > len(set(fn(data__lessons_item__steps_x) for data__lessons_item__steps_x in data__lessons_item__steps)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].steps".format(**locals()) + " must contain unique items")
                                for data__lessons_item__steps_x, data__lessons_item__steps_item in enumerate(data__lessons_item__steps):
                                    if not isinstance(data__lessons_item__steps_item, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].steps[{data__lessons_item__steps_x}]".format(**locals()) + " must be string")
                                    if isinstance(data__lessons_item__steps_item, str):
                                        data__lessons_item__steps_item_len = len(data__lessons_item__steps_item)
                                        if data__lessons_item__steps_item_len > 64:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].steps[{data__lessons_item__steps_x}]".format(**locals()) + " must be shorter than or equal to 64 characters")
                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__lessons_item__steps_item):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].steps[{data__lessons_item__steps_x}]".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                        if "story" in data__lessons_item_keys:
                            data__lessons_item_keys.remove("story")
                            data__lessons_item__story = data__lessons_item["story"]
                            if not isinstance(data__lessons_item__story, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].story".format(**locals()) + " must be string")
                            if isinstance(data__lessons_item__story, str):
                                data__lessons_item__story_len = len(data__lessons_item__story)
                                if data__lessons_item__story_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].story".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__lessons_item__story_len > 4000:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].story".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                if not REGEX_PATTERNS['\\S'].search(data__lessons_item__story):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].story".format(**locals()) + " must match pattern \\S")
                        if "mistake" in data__lessons_item_keys:
                            data__lessons_item_keys.remove("mistake")
                            data__lessons_item__mistake = data__lessons_item["mistake"]
                            if not isinstance(data__lessons_item__mistake, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].mistake".format(**locals()) + " must be string")
                            if isinstance(data__lessons_item__mistake, str):
                                data__lessons_item__mistake_len = len(data__lessons_item__mistake)
                                if data__lessons_item__mistake_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].mistake".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__lessons_item__mistake_len > 4000:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].mistake".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                if not REGEX_PATTERNS['\\S'].search(data__lessons_item__mistake):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].mistake".format(**locals()) + " must match pattern \\S")
                        if "instead" in data__lessons_item_keys:
                            data__lessons_item_keys.remove("instead")
                            data__lessons_item__instead = data__lessons_item["instead"]
                            if not isinstance(data__lessons_item__instead, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].instead".format(**locals()) + " must be string")
                            if isinstance(data__lessons_item__instead, str):
                                data__lessons_item__instead_len = len(data__lessons_item__instead)
                                if data__lessons_item__instead_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].instead".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__lessons_item__instead_len > 4000:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].instead".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                if not REGEX_PATTERNS['\\S'].search(data__lessons_item__instead):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].instead".format(**locals()) + " must match pattern \\S")
                        if "status" in data__lessons_item_keys:
                            data__lessons_item_keys.remove("status")
                            data__lessons_item__status = data__lessons_item["status"]
                            if not (isinstance(data__lessons_item__status, str) and data__lessons_item__status == 'draft'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}].status".format(**locals()) + " must be one of ['draft']")
                        if data__lessons_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".lessons[{data__lessons_x}]".format(**locals()) + " must not contain "+str(data__lessons_item_keys)+" properties")
        if "drills" in data_keys:
            data_keys.remove("drills")
            data__drills = data["drills"]
            if not isinstance(data__drills, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills must be array")
            data__drills_is_list = isinstance(data__drills, (list, tuple))
            if data__drills_is_list:
                data__drills_len = len(data__drills)
                for data__drills_x, data__drills_item in enumerate(data__drills):
                    if not isinstance(data__drills_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}]".format(**locals()) + " must be object")
                    data__drills_item_one_of_count2 = 0
                    if data__drills_item_one_of_count2 < 2:
                        try:
                            data__drills_item_is_dict = isinstance(data__drills_item, dict)
                            if data__drills_item_is_dict:
                                data__drills_item__missing_keys = set(['modules']) - data__drills_item.keys()
                                if data__drills_item__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}]".format(**locals()) + " must contain ")
                            data__drills_item_one_of_count2 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__drills_item_one_of_count2 < 2:
                        try:
                            data__drills_item_is_dict = isinstance(data__drills_item, dict)
                            if data__drills_item_is_dict:
                                data__drills_item__missing_keys = set(['injects']) - data__drills_item.keys()
                                if data__drills_item__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}]".format(**locals()) + " must contain ")
                            data__drills_item_one_of_count2 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__drills_item_one_of_count2 != 1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}]".format(**locals()) + " must be valid exactly by one definition")
                    data__drills_item_is_dict = isinstance(data__drills_item, dict)
                    if data__drills_item_is_dict:
                        data__drills_item__missing_keys = set(['id', 'title', 'briefing', 'expect']) - data__drills_item.keys()
                        if data__drills_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}]".format(**locals()) + " must contain ")
                        data__drills_item_keys = set(data__drills_item.keys())
                        if "id" in data__drills_item_keys:
                            data__drills_item_keys.remove("id")
                            data__drills_item__id = data__drills_item["id"]
                            if not isinstance(data__drills_item__id, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].id".format(**locals()) + " must be string")
                            if isinstance(data__drills_item__id, str):
                                data__drills_item__id_len = len(data__drills_item__id)
                                if data__drills_item__id_len > 64:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__id):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                        if "title" in data__drills_item_keys:
                            data__drills_item_keys.remove("title")
                            data__drills_item__title = data__drills_item["title"]
                            if not isinstance(data__drills_item__title, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].title".format(**locals()) + " must be string")
                            if isinstance(data__drills_item__title, str):
                                data__drills_item__title_len = len(data__drills_item__title)
                                if data__drills_item__title_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].title".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__drills_item__title_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].title".format(**locals()) + " must be shorter than or equal to 300 characters")
                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__title):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].title".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if "briefing" in data__drills_item_keys:
                            data__drills_item_keys.remove("briefing")
                            data__drills_item__briefing = data__drills_item["briefing"]
                            if not isinstance(data__drills_item__briefing, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].briefing".format(**locals()) + " must be string")
                            if isinstance(data__drills_item__briefing, str):
                                data__drills_item__briefing_len = len(data__drills_item__briefing)
                                if data__drills_item__briefing_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].briefing".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__drills_item__briefing_len > 4000:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].briefing".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__briefing):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].briefing".format(**locals()) + " must match pattern \\S")
                        if "duration" in data__drills_item_keys:
                            data__drills_item_keys.remove("duration")
                            data__drills_item__duration = data__drills_item["duration"]
                            if not isinstance(data__drills_item__duration, (int)) and not (isinstance(data__drills_item__duration, float) and data__drills_item__duration.is_integer()) or isinstance(data__drills_item__duration, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].duration".format(**locals()) + " must be integer")
                            if isinstance(data__drills_item__duration, (int, float, Decimal)):
                                if data__drills_item__duration < 5:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].duration".format(**locals()) + " must be bigger than or equal to 5")
                                if data__drills_item__duration > 1440:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].duration".format(**locals()) + " must be smaller than or equal to 1440")
                        if "facilitator_notes" in data__drills_item_keys:
                            data__drills_item_keys.remove("facilitator_notes")
                            data__drills_item__facilitatornotes = data__drills_item["facilitator_notes"]
                            if not isinstance(data__drills_item__facilitatornotes, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].facilitator_notes".format(**locals()) + " must be string")
                            if isinstance(data__drills_item__facilitatornotes, str):
                                data__drills_item__facilitatornotes_len = len(data__drills_item__facilitatornotes)
                                if data__drills_item__facilitatornotes_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].facilitator_notes".format(**locals()) + " must be longer than or equal to 1 characters")
                                if data__drills_item__facilitatornotes_len > 4000:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].facilitator_notes".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__facilitatornotes):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].facilitator_notes".format(**locals()) + " must match pattern \\S")
                        if "modules" in data__drills_item_keys:
                            data__drills_item_keys.remove("modules")
                            data__drills_item__modules = data__drills_item["modules"]
                            if not isinstance(data__drills_item__modules, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules".format(**locals()) + " must be array")
                            data__drills_item__modules_is_list = isinstance(data__drills_item__modules, (list, tuple))
                            if data__drills_item__modules_is_list:
                                data__drills_item__modules_len = len(data__drills_item__modules)
                                if data__drills_item__modules_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules".format(**locals()) + " must contain at least 1 items")
                                for data__drills_item__modules_x, data__drills_item__modules_item in enumerate(data__drills_item__modules):
                                    if not isinstance(data__drills_item__modules_item, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}]".format(**locals()) + " must be object")
                                    data__drills_item__modules_item_is_dict = isinstance(data__drills_item__modules_item, dict)
                                    if data__drills_item__modules_item_is_dict:
                                        data__drills_item__modules_item__missing_keys = set(['title', 'minutes', 'injects']) - data__drills_item__modules_item.keys()
                                        if data__drills_item__modules_item__missing_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}]".format(**locals()) + " must contain ")
                                        data__drills_item__modules_item_keys = set(data__drills_item__modules_item.keys())
                                        if "title" in data__drills_item__modules_item_keys:
                                            data__drills_item__modules_item_keys.remove("title")
                                            data__drills_item__modules_item__title = data__drills_item__modules_item["title"]
                                            if not isinstance(data__drills_item__modules_item__title, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].title".format(**locals()) + " must be string")
                                            if isinstance(data__drills_item__modules_item__title, str):
                                                data__drills_item__modules_item__title_len = len(data__drills_item__modules_item__title)
                                                if data__drills_item__modules_item__title_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].title".format(**locals()) + " must be longer than or equal to 1 characters")
                                                if data__drills_item__modules_item__title_len > 300:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].title".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__modules_item__title):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].title".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                        if "jump" in data__drills_item__modules_item_keys:
                                            data__drills_item__modules_item_keys.remove("jump")
                                            data__drills_item__modules_item__jump = data__drills_item__modules_item["jump"]
                                            if not isinstance(data__drills_item__modules_item__jump, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].jump".format(**locals()) + " must be string")
                                            if isinstance(data__drills_item__modules_item__jump, str):
                                                data__drills_item__modules_item__jump_len = len(data__drills_item__modules_item__jump)
                                                if data__drills_item__modules_item__jump_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].jump".format(**locals()) + " must be longer than or equal to 1 characters")
                                                if data__drills_item__modules_item__jump_len > 4000:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].jump".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__modules_item__jump):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].jump".format(**locals()) + " must match pattern \\S")
                                        if "at" in data__drills_item__modules_item_keys:
                                            data__drills_item__modules_item_keys.remove("at")
                                            data__drills_item__modules_item__at = data__drills_item__modules_item["at"]
                                            if not isinstance(data__drills_item__modules_item__at, (int)) and not (isinstance(data__drills_item__modules_item__at, float) and data__drills_item__modules_item__at.is_integer()) or isinstance(data__drills_item__modules_item__at, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].at".format(**locals()) + " must be integer")
                                            if isinstance(data__drills_item__modules_item__at, (int, float, Decimal)):
                                                if data__drills_item__modules_item__at < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].at".format(**locals()) + " must be bigger than or equal to 0")
                                                if data__drills_item__modules_item__at > 525600:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].at".format(**locals()) + " must be smaller than or equal to 525600")
                                        if "minutes" in data__drills_item__modules_item_keys:
                                            data__drills_item__modules_item_keys.remove("minutes")
                                            data__drills_item__modules_item__minutes = data__drills_item__modules_item["minutes"]
                                            if not isinstance(data__drills_item__modules_item__minutes, (int)) and not (isinstance(data__drills_item__modules_item__minutes, float) and data__drills_item__modules_item__minutes.is_integer()) or isinstance(data__drills_item__modules_item__minutes, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].minutes".format(**locals()) + " must be integer")
                                            if isinstance(data__drills_item__modules_item__minutes, (int, float, Decimal)):
                                                if data__drills_item__modules_item__minutes < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].minutes".format(**locals()) + " must be bigger than or equal to 1")
                                                if data__drills_item__modules_item__minutes > 1440:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].minutes".format(**locals()) + " must be smaller than or equal to 1440")
                                        if "injects" in data__drills_item__modules_item_keys:
                                            data__drills_item__modules_item_keys.remove("injects")
                                            data__drills_item__modules_item__injects = data__drills_item__modules_item["injects"]
                                            if not isinstance(data__drills_item__modules_item__injects, (list, tuple)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects".format(**locals()) + " must be array")
                                            data__drills_item__modules_item__injects_is_list = isinstance(data__drills_item__modules_item__injects, (list, tuple))
                                            if data__drills_item__modules_item__injects_is_list:
                                                data__drills_item__modules_item__injects_len = len(data__drills_item__modules_item__injects)
                                                if data__drills_item__modules_item__injects_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects".format(**locals()) + " must contain at least 1 items")
                                                for data__drills_item__modules_item__injects_x, data__drills_item__modules_item__injects_item in enumerate(data__drills_item__modules_item__injects):
                                                    if not isinstance(data__drills_item__modules_item__injects_item, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}]".format(**locals()) + " must be object")
                                                    data__drills_item__modules_item__injects_item_is_dict = isinstance(data__drills_item__modules_item__injects_item, dict)
                                                    if data__drills_item__modules_item__injects_item_is_dict:
                                                        data__drills_item__modules_item__injects_item__missing_keys = set(['id', 'at', 'message']) - data__drills_item__modules_item__injects_item.keys()
                                                        if data__drills_item__modules_item__injects_item__missing_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}]".format(**locals()) + " must contain ")
                                                        data__drills_item__modules_item__injects_item_keys = set(data__drills_item__modules_item__injects_item.keys())
                                                        if "id" in data__drills_item__modules_item__injects_item_keys:
                                                            data__drills_item__modules_item__injects_item_keys.remove("id")
                                                            data__drills_item__modules_item__injects_item__id = data__drills_item__modules_item__injects_item["id"]
                                                            if not isinstance(data__drills_item__modules_item__injects_item__id, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].id".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__modules_item__injects_item__id, str):
                                                                data__drills_item__modules_item__injects_item__id_len = len(data__drills_item__modules_item__injects_item__id)
                                                                if data__drills_item__modules_item__injects_item__id_len > 64:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__id):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                        if "at" in data__drills_item__modules_item__injects_item_keys:
                                                            data__drills_item__modules_item__injects_item_keys.remove("at")
                                                            data__drills_item__modules_item__injects_item__at = data__drills_item__modules_item__injects_item["at"]
                                                            if not isinstance(data__drills_item__modules_item__injects_item__at, (int)) and not (isinstance(data__drills_item__modules_item__injects_item__at, float) and data__drills_item__modules_item__injects_item__at.is_integer()) or isinstance(data__drills_item__modules_item__injects_item__at, bool):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].at".format(**locals()) + " must be integer")
                                                            if isinstance(data__drills_item__modules_item__injects_item__at, (int, float, Decimal)):
                                                                if data__drills_item__modules_item__injects_item__at < 0:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].at".format(**locals()) + " must be bigger than or equal to 0")
                                                                if data__drills_item__modules_item__injects_item__at > 525600:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].at".format(**locals()) + " must be smaller than or equal to 525600")
                                                        if "message" in data__drills_item__modules_item__injects_item_keys:
                                                            data__drills_item__modules_item__injects_item_keys.remove("message")
                                                            data__drills_item__modules_item__injects_item__message = data__drills_item__modules_item__injects_item["message"]
                                                            if not isinstance(data__drills_item__modules_item__injects_item__message, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].message".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__modules_item__injects_item__message, str):
                                                                data__drills_item__modules_item__injects_item__message_len = len(data__drills_item__modules_item__injects_item__message)
                                                                if data__drills_item__modules_item__injects_item__message_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].message".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__modules_item__injects_item__message_len > 4000:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].message".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__modules_item__injects_item__message):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].message".format(**locals()) + " must match pattern \\S")
                                                        if "reveals" in data__drills_item__modules_item__injects_item_keys:
                                                            data__drills_item__modules_item__injects_item_keys.remove("reveals")
                                                            data__drills_item__modules_item__injects_item__reveals = data__drills_item__modules_item__injects_item["reveals"]
                                                            if not isinstance(data__drills_item__modules_item__injects_item__reveals, (dict)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals".format(**locals()) + " must be object")
                                                            data__drills_item__modules_item__injects_item__reveals_is_dict = isinstance(data__drills_item__modules_item__injects_item__reveals, dict)
                                                            if data__drills_item__modules_item__injects_item__reveals_is_dict:
                                                                data__drills_item__modules_item__injects_item__reveals_keys = set(data__drills_item__modules_item__injects_item__reveals.keys())
                                                                for data__drills_item__modules_item__injects_item__reveals_key in data__drills_item__modules_item__injects_item__reveals_keys:
                                                                    if data__drills_item__modules_item__injects_item__reveals_key not in []:
                                                                        data__drills_item__modules_item__injects_item__reveals_value = data__drills_item__modules_item__injects_item__reveals.get(data__drills_item__modules_item__injects_item__reveals_key)
                                                                        if not isinstance(data__drills_item__modules_item__injects_item__reveals_value, (str)):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals.{data__drills_item__modules_item__injects_item__reveals_key}".format(**locals()) + " must be string")
                                                                        if isinstance(data__drills_item__modules_item__injects_item__reveals_value, str):
                                                                            data__drills_item__modules_item__injects_item__reveals_value_len = len(data__drills_item__modules_item__injects_item__reveals_value)
                                                                            if data__drills_item__modules_item__injects_item__reveals_value_len > 64:
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals.{data__drills_item__modules_item__injects_item__reveals_key}".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                            if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__reveals_value):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals.{data__drills_item__modules_item__injects_item__reveals_key}".format(**locals()) + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$")
                                                                data__drills_item__modules_item__injects_item__reveals_len = len(data__drills_item__modules_item__injects_item__reveals)
                                                                if data__drills_item__modules_item__injects_item__reveals_len != 0:
                                                                    data__drills_item__modules_item__injects_item__reveals_property_names = True
                                                                    for data__drills_item__modules_item__injects_item__reveals_key in data__drills_item__modules_item__injects_item__reveals:
                                                                        try:
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__reveals_key, (str)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals".format(**locals()) + " must be string")
                                                                            if isinstance(data__drills_item__modules_item__injects_item__reveals_key, str):
                                                                                data__drills_item__modules_item__injects_item__reveals_key_len = len(data__drills_item__modules_item__injects_item__reveals_key)
                                                                                if data__drills_item__modules_item__injects_item__reveals_key_len > 64:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__reveals_key):
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                        except (JsonSchemaValueException, JsonSchemaValuesException):
                                                                            data__drills_item__modules_item__injects_item__reveals_property_names = False
                                                                    if not data__drills_item__modules_item__injects_item__reveals_property_names:
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].reveals".format(**locals()) + " must be named by propertyName definition")
                                                        if "twist" in data__drills_item__modules_item__injects_item_keys:
                                                            data__drills_item__modules_item__injects_item_keys.remove("twist")
                                                            data__drills_item__modules_item__injects_item__twist = data__drills_item__modules_item__injects_item["twist"]
                                                            data__drills_item__modules_item__injects_item__twist_one_of_count3 = 0
                                                            if data__drills_item__modules_item__injects_item__twist_one_of_count3 < 2:
                                                                try:
                                                                    if not isinstance(data__drills_item__modules_item__injects_item__twist, (bool)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist".format(**locals()) + " must be boolean")
                                                                    data__drills_item__modules_item__injects_item__twist_one_of_count3 += 1
                                                                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                                            if data__drills_item__modules_item__injects_item__twist_one_of_count3 < 2:
                                                                try:
                                                                    if not isinstance(data__drills_item__modules_item__injects_item__twist, (dict)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist".format(**locals()) + " must be object")
                                                                    data__drills_item__modules_item__injects_item__twist_is_dict = isinstance(data__drills_item__modules_item__injects_item__twist, dict)
                                                                    if data__drills_item__modules_item__injects_item__twist_is_dict:
                                                                        data__drills_item__modules_item__injects_item__twist__missing_keys = set(['gets_wrong', 'adaptations']) - data__drills_item__modules_item__injects_item__twist.keys()
                                                                        if data__drills_item__modules_item__injects_item__twist__missing_keys:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist".format(**locals()) + " must contain ")
                                                                        data__drills_item__modules_item__injects_item__twist_keys = set(data__drills_item__modules_item__injects_item__twist.keys())
                                                                        if "gets_wrong" in data__drills_item__modules_item__injects_item__twist_keys:
                                                                            data__drills_item__modules_item__injects_item__twist_keys.remove("gets_wrong")
                                                                            data__drills_item__modules_item__injects_item__twist__getswrong = data__drills_item__modules_item__injects_item__twist["gets_wrong"]
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__getswrong, (str)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.gets_wrong".format(**locals()) + " must be string")
                                                                            if isinstance(data__drills_item__modules_item__injects_item__twist__getswrong, str):
                                                                                data__drills_item__modules_item__injects_item__twist__getswrong_len = len(data__drills_item__modules_item__injects_item__twist__getswrong)
                                                                                if data__drills_item__modules_item__injects_item__twist__getswrong_len < 1:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.gets_wrong".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                                if data__drills_item__modules_item__injects_item__twist__getswrong_len > 4000:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.gets_wrong".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__modules_item__injects_item__twist__getswrong):
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.gets_wrong".format(**locals()) + " must match pattern \\S")
                                                                        if "objective" in data__drills_item__modules_item__injects_item__twist_keys:
                                                                            data__drills_item__modules_item__injects_item__twist_keys.remove("objective")
                                                                            data__drills_item__modules_item__injects_item__twist__objective = data__drills_item__modules_item__injects_item__twist["objective"]
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__objective, (str)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.objective".format(**locals()) + " must be string")
                                                                            if isinstance(data__drills_item__modules_item__injects_item__twist__objective, str):
                                                                                data__drills_item__modules_item__injects_item__twist__objective_len = len(data__drills_item__modules_item__injects_item__twist__objective)
                                                                                if data__drills_item__modules_item__injects_item__twist__objective_len > 64:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.objective".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__twist__objective):
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.objective".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                        if "weight" in data__drills_item__modules_item__injects_item__twist_keys:
                                                                            data__drills_item__modules_item__injects_item__twist_keys.remove("weight")
                                                                            data__drills_item__modules_item__injects_item__twist__weight = data__drills_item__modules_item__injects_item__twist["weight"]
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__weight, (int)) and not (isinstance(data__drills_item__modules_item__injects_item__twist__weight, float) and data__drills_item__modules_item__injects_item__twist__weight.is_integer()) or isinstance(data__drills_item__modules_item__injects_item__twist__weight, bool):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.weight".format(**locals()) + " must be integer")
                                                                            if isinstance(data__drills_item__modules_item__injects_item__twist__weight, (int, float, Decimal)):
                                                                                if data__drills_item__modules_item__injects_item__twist__weight < 1:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.weight".format(**locals()) + " must be bigger than or equal to 1")
                                                                                if data__drills_item__modules_item__injects_item__twist__weight > 10:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.weight".format(**locals()) + " must be smaller than or equal to 10")
                                                                        if "voids" in data__drills_item__modules_item__injects_item__twist_keys:
                                                                            data__drills_item__modules_item__injects_item__twist_keys.remove("voids")
                                                                            data__drills_item__modules_item__injects_item__twist__voids = data__drills_item__modules_item__injects_item__twist["voids"]
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__voids, (list, tuple)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.voids".format(**locals()) + " must be array")
                                                                            data__drills_item__modules_item__injects_item__twist__voids_is_list = isinstance(data__drills_item__modules_item__injects_item__twist__voids, (list, tuple))
                                                                            if data__drills_item__modules_item__injects_item__twist__voids_is_list:
                                                                                data__drills_item__modules_item__injects_item__twist__voids_len = len(data__drills_item__modules_item__injects_item__twist__voids)
                                                                                for data__drills_item__modules_item__injects_item__twist__voids_x, data__drills_item__modules_item__injects_item__twist__voids_item in enumerate(data__drills_item__modules_item__injects_item__twist__voids):
                                                                                    if not isinstance(data__drills_item__modules_item__injects_item__twist__voids_item, (str)):
                                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.voids[{data__drills_item__modules_item__injects_item__twist__voids_x}]".format(**locals()) + " must be string")
                                                                                    if isinstance(data__drills_item__modules_item__injects_item__twist__voids_item, str):
                                                                                        data__drills_item__modules_item__injects_item__twist__voids_item_len = len(data__drills_item__modules_item__injects_item__twist__voids_item)
                                                                                        if data__drills_item__modules_item__injects_item__twist__voids_item_len > 64:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.voids[{data__drills_item__modules_item__injects_item__twist__voids_x}]".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__twist__voids_item):
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.voids[{data__drills_item__modules_item__injects_item__twist__voids_x}]".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                        if "adaptations" in data__drills_item__modules_item__injects_item__twist_keys:
                                                                            data__drills_item__modules_item__injects_item__twist_keys.remove("adaptations")
                                                                            data__drills_item__modules_item__injects_item__twist__adaptations = data__drills_item__modules_item__injects_item__twist["adaptations"]
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations, (list, tuple)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations".format(**locals()) + " must be array")
                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_is_list = isinstance(data__drills_item__modules_item__injects_item__twist__adaptations, (list, tuple))
                                                                            if data__drills_item__modules_item__injects_item__twist__adaptations_is_list:
                                                                                data__drills_item__modules_item__injects_item__twist__adaptations_len = len(data__drills_item__modules_item__injects_item__twist__adaptations)
                                                                                if data__drills_item__modules_item__injects_item__twist__adaptations_len < 1:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations".format(**locals()) + " must contain at least 1 items")
                                                                                for data__drills_item__modules_item__injects_item__twist__adaptations_x, data__drills_item__modules_item__injects_item__twist__adaptations_item in enumerate(data__drills_item__modules_item__injects_item__twist__adaptations):
                                                                                    if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item, (dict)):
                                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}]".format(**locals()) + " must be object")
                                                                                    data__drills_item__modules_item__injects_item__twist__adaptations_item_is_dict = isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item, dict)
                                                                                    if data__drills_item__modules_item__injects_item__twist__adaptations_item_is_dict:
                                                                                        data__drills_item__modules_item__injects_item__twist__adaptations_item__missing_keys = set(['id', 'did', 'keywords']) - data__drills_item__modules_item__injects_item__twist__adaptations_item.keys()
                                                                                        if data__drills_item__modules_item__injects_item__twist__adaptations_item__missing_keys:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}]".format(**locals()) + " must contain ")
                                                                                        data__drills_item__modules_item__injects_item__twist__adaptations_item_keys = set(data__drills_item__modules_item__injects_item__twist__adaptations_item.keys())
                                                                                        if "id" in data__drills_item__modules_item__injects_item__twist__adaptations_item_keys:
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item_keys.remove("id")
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item__id = data__drills_item__modules_item__injects_item__twist__adaptations_item["id"]
                                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__id, (str)):
                                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].id".format(**locals()) + " must be string")
                                                                                            if isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__id, str):
                                                                                                data__drills_item__modules_item__injects_item__twist__adaptations_item__id_len = len(data__drills_item__modules_item__injects_item__twist__adaptations_item__id)
                                                                                                if data__drills_item__modules_item__injects_item__twist__adaptations_item__id_len > 64:
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__twist__adaptations_item__id):
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                                        if "did" in data__drills_item__modules_item__injects_item__twist__adaptations_item_keys:
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item_keys.remove("did")
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item__did = data__drills_item__modules_item__injects_item__twist__adaptations_item["did"]
                                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__did, (str)):
                                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must be string")
                                                                                            if isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__did, str):
                                                                                                data__drills_item__modules_item__injects_item__twist__adaptations_item__did_len = len(data__drills_item__modules_item__injects_item__twist__adaptations_item__did)
                                                                                                if data__drills_item__modules_item__injects_item__twist__adaptations_item__did_len < 1:
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                                                if data__drills_item__modules_item__injects_item__twist__adaptations_item__did_len > 300:
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__modules_item__injects_item__twist__adaptations_item__did):
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                                                        if "step" in data__drills_item__modules_item__injects_item__twist__adaptations_item_keys:
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item_keys.remove("step")
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item__step = data__drills_item__modules_item__injects_item__twist__adaptations_item["step"]
                                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__step, (str)):
                                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].step".format(**locals()) + " must be string")
                                                                                            if isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__step, str):
                                                                                                data__drills_item__modules_item__injects_item__twist__adaptations_item__step_len = len(data__drills_item__modules_item__injects_item__twist__adaptations_item__step)
                                                                                                if data__drills_item__modules_item__injects_item__twist__adaptations_item__step_len > 64:
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].step".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__modules_item__injects_item__twist__adaptations_item__step):
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].step".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                                        if "keywords" in data__drills_item__modules_item__injects_item__twist__adaptations_item_keys:
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item_keys.remove("keywords")
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords = data__drills_item__modules_item__injects_item__twist__adaptations_item["keywords"]
                                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords, (list, tuple)):
                                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].keywords".format(**locals()) + " must be array")
                                                                                            data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_is_list = isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords, (list, tuple))
                                                                                            if data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_is_list:
                                                                                                data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_len = len(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords)
                                                                                                if data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_len < 1:
                                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].keywords".format(**locals()) + " must contain at least 1 items")
                                                                                                for data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_x, data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item in enumerate(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords):
                                                                                                    if not isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item, (str)):
                                                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must be string")
                                                                                                    if isinstance(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item, str):
                                                                                                        data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item_len = len(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item)
                                                                                                        if data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item_len < 1:
                                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                                                        if data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item_len > 300:
                                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_item):
                                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__modules_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                                                        if data__drills_item__modules_item__injects_item__twist__adaptations_item_keys:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.adaptations[{data__drills_item__modules_item__injects_item__twist__adaptations_x}]".format(**locals()) + " must not contain "+str(data__drills_item__modules_item__injects_item__twist__adaptations_item_keys)+" properties")
                                                                        if "questions" in data__drills_item__modules_item__injects_item__twist_keys:
                                                                            data__drills_item__modules_item__injects_item__twist_keys.remove("questions")
                                                                            data__drills_item__modules_item__injects_item__twist__questions = data__drills_item__modules_item__injects_item__twist["questions"]
                                                                            if not isinstance(data__drills_item__modules_item__injects_item__twist__questions, (list, tuple)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.questions".format(**locals()) + " must be array")
                                                                            data__drills_item__modules_item__injects_item__twist__questions_is_list = isinstance(data__drills_item__modules_item__injects_item__twist__questions, (list, tuple))
                                                                            if data__drills_item__modules_item__injects_item__twist__questions_is_list:
                                                                                data__drills_item__modules_item__injects_item__twist__questions_len = len(data__drills_item__modules_item__injects_item__twist__questions)
                                                                                for data__drills_item__modules_item__injects_item__twist__questions_x, data__drills_item__modules_item__injects_item__twist__questions_item in enumerate(data__drills_item__modules_item__injects_item__twist__questions):
                                                                                    if not isinstance(data__drills_item__modules_item__injects_item__twist__questions_item, (str)):
                                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.questions[{data__drills_item__modules_item__injects_item__twist__questions_x}]".format(**locals()) + " must be string")
                                                                                    if isinstance(data__drills_item__modules_item__injects_item__twist__questions_item, str):
                                                                                        data__drills_item__modules_item__injects_item__twist__questions_item_len = len(data__drills_item__modules_item__injects_item__twist__questions_item)
                                                                                        if data__drills_item__modules_item__injects_item__twist__questions_item_len < 1:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.questions[{data__drills_item__modules_item__injects_item__twist__questions_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                                        if data__drills_item__modules_item__injects_item__twist__questions_item_len > 300:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.questions[{data__drills_item__modules_item__injects_item__twist__questions_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__modules_item__injects_item__twist__questions_item):
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist.questions[{data__drills_item__modules_item__injects_item__twist__questions_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                                        if data__drills_item__modules_item__injects_item__twist_keys:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist".format(**locals()) + " must not contain "+str(data__drills_item__modules_item__injects_item__twist_keys)+" properties")
                                                                    data__drills_item__modules_item__injects_item__twist_one_of_count3 += 1
                                                                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                                            if data__drills_item__modules_item__injects_item__twist_one_of_count3 != 1:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].twist".format(**locals()) + " must be valid exactly by one definition")
                                                        if "facilitator" in data__drills_item__modules_item__injects_item_keys:
                                                            data__drills_item__modules_item__injects_item_keys.remove("facilitator")
                                                            data__drills_item__modules_item__injects_item__facilitator = data__drills_item__modules_item__injects_item["facilitator"]
                                                            if not isinstance(data__drills_item__modules_item__injects_item__facilitator, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].facilitator".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__modules_item__injects_item__facilitator, str):
                                                                data__drills_item__modules_item__injects_item__facilitator_len = len(data__drills_item__modules_item__injects_item__facilitator)
                                                                if data__drills_item__modules_item__injects_item__facilitator_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].facilitator".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__modules_item__injects_item__facilitator_len > 4000:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].facilitator".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__modules_item__injects_item__facilitator):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}].facilitator".format(**locals()) + " must match pattern \\S")
                                                        if data__drills_item__modules_item__injects_item_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].injects[{data__drills_item__modules_item__injects_x}]".format(**locals()) + " must not contain "+str(data__drills_item__modules_item__injects_item_keys)+" properties")
                                        if "questions" in data__drills_item__modules_item_keys:
                                            data__drills_item__modules_item_keys.remove("questions")
                                            data__drills_item__modules_item__questions = data__drills_item__modules_item["questions"]
                                            if not isinstance(data__drills_item__modules_item__questions, (list, tuple)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].questions".format(**locals()) + " must be array")
                                            data__drills_item__modules_item__questions_is_list = isinstance(data__drills_item__modules_item__questions, (list, tuple))
                                            if data__drills_item__modules_item__questions_is_list:
                                                data__drills_item__modules_item__questions_len = len(data__drills_item__modules_item__questions)
                                                for data__drills_item__modules_item__questions_x, data__drills_item__modules_item__questions_item in enumerate(data__drills_item__modules_item__questions):
                                                    if not isinstance(data__drills_item__modules_item__questions_item, (str)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].questions[{data__drills_item__modules_item__questions_x}]".format(**locals()) + " must be string")
                                                    if isinstance(data__drills_item__modules_item__questions_item, str):
                                                        data__drills_item__modules_item__questions_item_len = len(data__drills_item__modules_item__questions_item)
                                                        if data__drills_item__modules_item__questions_item_len < 1:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].questions[{data__drills_item__modules_item__questions_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                        if data__drills_item__modules_item__questions_item_len > 300:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].questions[{data__drills_item__modules_item__questions_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__modules_item__questions_item):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}].questions[{data__drills_item__modules_item__questions_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                        if data__drills_item__modules_item_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].modules[{data__drills_item__modules_x}]".format(**locals()) + " must not contain "+str(data__drills_item__modules_item_keys)+" properties")
                        if "injects" in data__drills_item_keys:
                            data__drills_item_keys.remove("injects")
                            data__drills_item__injects = data__drills_item["injects"]
                            if not isinstance(data__drills_item__injects, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects".format(**locals()) + " must be array")
                            data__drills_item__injects_is_list = isinstance(data__drills_item__injects, (list, tuple))
                            if data__drills_item__injects_is_list:
                                data__drills_item__injects_len = len(data__drills_item__injects)
                                if data__drills_item__injects_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects".format(**locals()) + " must contain at least 1 items")
                                for data__drills_item__injects_x, data__drills_item__injects_item in enumerate(data__drills_item__injects):
                                    if not isinstance(data__drills_item__injects_item, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}]".format(**locals()) + " must be object")
                                    data__drills_item__injects_item_is_dict = isinstance(data__drills_item__injects_item, dict)
                                    if data__drills_item__injects_item_is_dict:
                                        data__drills_item__injects_item__missing_keys = set(['id', 'at', 'message']) - data__drills_item__injects_item.keys()
                                        if data__drills_item__injects_item__missing_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}]".format(**locals()) + " must contain ")
                                        data__drills_item__injects_item_keys = set(data__drills_item__injects_item.keys())
                                        if "id" in data__drills_item__injects_item_keys:
                                            data__drills_item__injects_item_keys.remove("id")
                                            data__drills_item__injects_item__id = data__drills_item__injects_item["id"]
                                            if not isinstance(data__drills_item__injects_item__id, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].id".format(**locals()) + " must be string")
                                            if isinstance(data__drills_item__injects_item__id, str):
                                                data__drills_item__injects_item__id_len = len(data__drills_item__injects_item__id)
                                                if data__drills_item__injects_item__id_len > 64:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__id):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                        if "at" in data__drills_item__injects_item_keys:
                                            data__drills_item__injects_item_keys.remove("at")
                                            data__drills_item__injects_item__at = data__drills_item__injects_item["at"]
                                            if not isinstance(data__drills_item__injects_item__at, (int)) and not (isinstance(data__drills_item__injects_item__at, float) and data__drills_item__injects_item__at.is_integer()) or isinstance(data__drills_item__injects_item__at, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].at".format(**locals()) + " must be integer")
                                            if isinstance(data__drills_item__injects_item__at, (int, float, Decimal)):
                                                if data__drills_item__injects_item__at < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].at".format(**locals()) + " must be bigger than or equal to 0")
                                                if data__drills_item__injects_item__at > 525600:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].at".format(**locals()) + " must be smaller than or equal to 525600")
                                        if "message" in data__drills_item__injects_item_keys:
                                            data__drills_item__injects_item_keys.remove("message")
                                            data__drills_item__injects_item__message = data__drills_item__injects_item["message"]
                                            if not isinstance(data__drills_item__injects_item__message, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].message".format(**locals()) + " must be string")
                                            if isinstance(data__drills_item__injects_item__message, str):
                                                data__drills_item__injects_item__message_len = len(data__drills_item__injects_item__message)
                                                if data__drills_item__injects_item__message_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].message".format(**locals()) + " must be longer than or equal to 1 characters")
                                                if data__drills_item__injects_item__message_len > 4000:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].message".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__injects_item__message):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].message".format(**locals()) + " must match pattern \\S")
                                        if "reveals" in data__drills_item__injects_item_keys:
                                            data__drills_item__injects_item_keys.remove("reveals")
                                            data__drills_item__injects_item__reveals = data__drills_item__injects_item["reveals"]
                                            if not isinstance(data__drills_item__injects_item__reveals, (dict)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals".format(**locals()) + " must be object")
                                            data__drills_item__injects_item__reveals_is_dict = isinstance(data__drills_item__injects_item__reveals, dict)
                                            if data__drills_item__injects_item__reveals_is_dict:
                                                data__drills_item__injects_item__reveals_keys = set(data__drills_item__injects_item__reveals.keys())
                                                for data__drills_item__injects_item__reveals_key in data__drills_item__injects_item__reveals_keys:
                                                    if data__drills_item__injects_item__reveals_key not in []:
                                                        data__drills_item__injects_item__reveals_value = data__drills_item__injects_item__reveals.get(data__drills_item__injects_item__reveals_key)
                                                        if not isinstance(data__drills_item__injects_item__reveals_value, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals.{data__drills_item__injects_item__reveals_key}".format(**locals()) + " must be string")
                                                        if isinstance(data__drills_item__injects_item__reveals_value, str):
                                                            data__drills_item__injects_item__reveals_value_len = len(data__drills_item__injects_item__reveals_value)
                                                            if data__drills_item__injects_item__reveals_value_len > 64:
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals.{data__drills_item__injects_item__reveals_key}".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                            if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__reveals_value):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals.{data__drills_item__injects_item__reveals_key}".format(**locals()) + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$")
                                                data__drills_item__injects_item__reveals_len = len(data__drills_item__injects_item__reveals)
                                                if data__drills_item__injects_item__reveals_len != 0:
                                                    data__drills_item__injects_item__reveals_property_names = True
                                                    for data__drills_item__injects_item__reveals_key in data__drills_item__injects_item__reveals:
                                                        try:
                                                            if not isinstance(data__drills_item__injects_item__reveals_key, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__injects_item__reveals_key, str):
                                                                data__drills_item__injects_item__reveals_key_len = len(data__drills_item__injects_item__reveals_key)
                                                                if data__drills_item__injects_item__reveals_key_len > 64:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__reveals_key):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                        except (JsonSchemaValueException, JsonSchemaValuesException):
                                                            data__drills_item__injects_item__reveals_property_names = False
                                                    if not data__drills_item__injects_item__reveals_property_names:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].reveals".format(**locals()) + " must be named by propertyName definition")
                                        if "twist" in data__drills_item__injects_item_keys:
                                            data__drills_item__injects_item_keys.remove("twist")
                                            data__drills_item__injects_item__twist = data__drills_item__injects_item["twist"]
                                            data__drills_item__injects_item__twist_one_of_count4 = 0
                                            if data__drills_item__injects_item__twist_one_of_count4 < 2:
                                                try:
                                                    if not isinstance(data__drills_item__injects_item__twist, (bool)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist".format(**locals()) + " must be boolean")
                                                    data__drills_item__injects_item__twist_one_of_count4 += 1
                                                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                            if data__drills_item__injects_item__twist_one_of_count4 < 2:
                                                try:
                                                    if not isinstance(data__drills_item__injects_item__twist, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist".format(**locals()) + " must be object")
                                                    data__drills_item__injects_item__twist_is_dict = isinstance(data__drills_item__injects_item__twist, dict)
                                                    if data__drills_item__injects_item__twist_is_dict:
                                                        data__drills_item__injects_item__twist__missing_keys = set(['gets_wrong', 'adaptations']) - data__drills_item__injects_item__twist.keys()
                                                        if data__drills_item__injects_item__twist__missing_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist".format(**locals()) + " must contain ")
                                                        data__drills_item__injects_item__twist_keys = set(data__drills_item__injects_item__twist.keys())
                                                        if "gets_wrong" in data__drills_item__injects_item__twist_keys:
                                                            data__drills_item__injects_item__twist_keys.remove("gets_wrong")
                                                            data__drills_item__injects_item__twist__getswrong = data__drills_item__injects_item__twist["gets_wrong"]
                                                            if not isinstance(data__drills_item__injects_item__twist__getswrong, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.gets_wrong".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__injects_item__twist__getswrong, str):
                                                                data__drills_item__injects_item__twist__getswrong_len = len(data__drills_item__injects_item__twist__getswrong)
                                                                if data__drills_item__injects_item__twist__getswrong_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.gets_wrong".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__injects_item__twist__getswrong_len > 4000:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.gets_wrong".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__injects_item__twist__getswrong):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.gets_wrong".format(**locals()) + " must match pattern \\S")
                                                        if "objective" in data__drills_item__injects_item__twist_keys:
                                                            data__drills_item__injects_item__twist_keys.remove("objective")
                                                            data__drills_item__injects_item__twist__objective = data__drills_item__injects_item__twist["objective"]
                                                            if not isinstance(data__drills_item__injects_item__twist__objective, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.objective".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__injects_item__twist__objective, str):
                                                                data__drills_item__injects_item__twist__objective_len = len(data__drills_item__injects_item__twist__objective)
                                                                if data__drills_item__injects_item__twist__objective_len > 64:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.objective".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__twist__objective):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.objective".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                        if "weight" in data__drills_item__injects_item__twist_keys:
                                                            data__drills_item__injects_item__twist_keys.remove("weight")
                                                            data__drills_item__injects_item__twist__weight = data__drills_item__injects_item__twist["weight"]
                                                            if not isinstance(data__drills_item__injects_item__twist__weight, (int)) and not (isinstance(data__drills_item__injects_item__twist__weight, float) and data__drills_item__injects_item__twist__weight.is_integer()) or isinstance(data__drills_item__injects_item__twist__weight, bool):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.weight".format(**locals()) + " must be integer")
                                                            if isinstance(data__drills_item__injects_item__twist__weight, (int, float, Decimal)):
                                                                if data__drills_item__injects_item__twist__weight < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.weight".format(**locals()) + " must be bigger than or equal to 1")
                                                                if data__drills_item__injects_item__twist__weight > 10:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.weight".format(**locals()) + " must be smaller than or equal to 10")
                                                        if "voids" in data__drills_item__injects_item__twist_keys:
                                                            data__drills_item__injects_item__twist_keys.remove("voids")
                                                            data__drills_item__injects_item__twist__voids = data__drills_item__injects_item__twist["voids"]
                                                            if not isinstance(data__drills_item__injects_item__twist__voids, (list, tuple)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.voids".format(**locals()) + " must be array")
                                                            data__drills_item__injects_item__twist__voids_is_list = isinstance(data__drills_item__injects_item__twist__voids, (list, tuple))
                                                            if data__drills_item__injects_item__twist__voids_is_list:
                                                                data__drills_item__injects_item__twist__voids_len = len(data__drills_item__injects_item__twist__voids)
                                                                for data__drills_item__injects_item__twist__voids_x, data__drills_item__injects_item__twist__voids_item in enumerate(data__drills_item__injects_item__twist__voids):
                                                                    if not isinstance(data__drills_item__injects_item__twist__voids_item, (str)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.voids[{data__drills_item__injects_item__twist__voids_x}]".format(**locals()) + " must be string")
                                                                    if isinstance(data__drills_item__injects_item__twist__voids_item, str):
                                                                        data__drills_item__injects_item__twist__voids_item_len = len(data__drills_item__injects_item__twist__voids_item)
                                                                        if data__drills_item__injects_item__twist__voids_item_len > 64:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.voids[{data__drills_item__injects_item__twist__voids_x}]".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__twist__voids_item):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.voids[{data__drills_item__injects_item__twist__voids_x}]".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                        if "adaptations" in data__drills_item__injects_item__twist_keys:
                                                            data__drills_item__injects_item__twist_keys.remove("adaptations")
                                                            data__drills_item__injects_item__twist__adaptations = data__drills_item__injects_item__twist["adaptations"]
                                                            if not isinstance(data__drills_item__injects_item__twist__adaptations, (list, tuple)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations".format(**locals()) + " must be array")
                                                            data__drills_item__injects_item__twist__adaptations_is_list = isinstance(data__drills_item__injects_item__twist__adaptations, (list, tuple))
                                                            if data__drills_item__injects_item__twist__adaptations_is_list:
                                                                data__drills_item__injects_item__twist__adaptations_len = len(data__drills_item__injects_item__twist__adaptations)
                                                                if data__drills_item__injects_item__twist__adaptations_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations".format(**locals()) + " must contain at least 1 items")
                                                                for data__drills_item__injects_item__twist__adaptations_x, data__drills_item__injects_item__twist__adaptations_item in enumerate(data__drills_item__injects_item__twist__adaptations):
                                                                    if not isinstance(data__drills_item__injects_item__twist__adaptations_item, (dict)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}]".format(**locals()) + " must be object")
                                                                    data__drills_item__injects_item__twist__adaptations_item_is_dict = isinstance(data__drills_item__injects_item__twist__adaptations_item, dict)
                                                                    if data__drills_item__injects_item__twist__adaptations_item_is_dict:
                                                                        data__drills_item__injects_item__twist__adaptations_item__missing_keys = set(['id', 'did', 'keywords']) - data__drills_item__injects_item__twist__adaptations_item.keys()
                                                                        if data__drills_item__injects_item__twist__adaptations_item__missing_keys:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}]".format(**locals()) + " must contain ")
                                                                        data__drills_item__injects_item__twist__adaptations_item_keys = set(data__drills_item__injects_item__twist__adaptations_item.keys())
                                                                        if "id" in data__drills_item__injects_item__twist__adaptations_item_keys:
                                                                            data__drills_item__injects_item__twist__adaptations_item_keys.remove("id")
                                                                            data__drills_item__injects_item__twist__adaptations_item__id = data__drills_item__injects_item__twist__adaptations_item["id"]
                                                                            if not isinstance(data__drills_item__injects_item__twist__adaptations_item__id, (str)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].id".format(**locals()) + " must be string")
                                                                            if isinstance(data__drills_item__injects_item__twist__adaptations_item__id, str):
                                                                                data__drills_item__injects_item__twist__adaptations_item__id_len = len(data__drills_item__injects_item__twist__adaptations_item__id)
                                                                                if data__drills_item__injects_item__twist__adaptations_item__id_len > 64:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__twist__adaptations_item__id):
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                        if "did" in data__drills_item__injects_item__twist__adaptations_item_keys:
                                                                            data__drills_item__injects_item__twist__adaptations_item_keys.remove("did")
                                                                            data__drills_item__injects_item__twist__adaptations_item__did = data__drills_item__injects_item__twist__adaptations_item["did"]
                                                                            if not isinstance(data__drills_item__injects_item__twist__adaptations_item__did, (str)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must be string")
                                                                            if isinstance(data__drills_item__injects_item__twist__adaptations_item__did, str):
                                                                                data__drills_item__injects_item__twist__adaptations_item__did_len = len(data__drills_item__injects_item__twist__adaptations_item__did)
                                                                                if data__drills_item__injects_item__twist__adaptations_item__did_len < 1:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                                if data__drills_item__injects_item__twist__adaptations_item__did_len > 300:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__injects_item__twist__adaptations_item__did):
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].did".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                                        if "step" in data__drills_item__injects_item__twist__adaptations_item_keys:
                                                                            data__drills_item__injects_item__twist__adaptations_item_keys.remove("step")
                                                                            data__drills_item__injects_item__twist__adaptations_item__step = data__drills_item__injects_item__twist__adaptations_item["step"]
                                                                            if not isinstance(data__drills_item__injects_item__twist__adaptations_item__step, (str)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].step".format(**locals()) + " must be string")
                                                                            if isinstance(data__drills_item__injects_item__twist__adaptations_item__step, str):
                                                                                data__drills_item__injects_item__twist__adaptations_item__step_len = len(data__drills_item__injects_item__twist__adaptations_item__step)
                                                                                if data__drills_item__injects_item__twist__adaptations_item__step_len > 64:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].step".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__injects_item__twist__adaptations_item__step):
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].step".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                        if "keywords" in data__drills_item__injects_item__twist__adaptations_item_keys:
                                                                            data__drills_item__injects_item__twist__adaptations_item_keys.remove("keywords")
                                                                            data__drills_item__injects_item__twist__adaptations_item__keywords = data__drills_item__injects_item__twist__adaptations_item["keywords"]
                                                                            if not isinstance(data__drills_item__injects_item__twist__adaptations_item__keywords, (list, tuple)):
                                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].keywords".format(**locals()) + " must be array")
                                                                            data__drills_item__injects_item__twist__adaptations_item__keywords_is_list = isinstance(data__drills_item__injects_item__twist__adaptations_item__keywords, (list, tuple))
                                                                            if data__drills_item__injects_item__twist__adaptations_item__keywords_is_list:
                                                                                data__drills_item__injects_item__twist__adaptations_item__keywords_len = len(data__drills_item__injects_item__twist__adaptations_item__keywords)
                                                                                if data__drills_item__injects_item__twist__adaptations_item__keywords_len < 1:
                                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].keywords".format(**locals()) + " must contain at least 1 items")
                                                                                for data__drills_item__injects_item__twist__adaptations_item__keywords_x, data__drills_item__injects_item__twist__adaptations_item__keywords_item in enumerate(data__drills_item__injects_item__twist__adaptations_item__keywords):
                                                                                    if not isinstance(data__drills_item__injects_item__twist__adaptations_item__keywords_item, (str)):
                                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must be string")
                                                                                    if isinstance(data__drills_item__injects_item__twist__adaptations_item__keywords_item, str):
                                                                                        data__drills_item__injects_item__twist__adaptations_item__keywords_item_len = len(data__drills_item__injects_item__twist__adaptations_item__keywords_item)
                                                                                        if data__drills_item__injects_item__twist__adaptations_item__keywords_item_len < 1:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                                        if data__drills_item__injects_item__twist__adaptations_item__keywords_item_len > 300:
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__injects_item__twist__adaptations_item__keywords_item):
                                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}].keywords[{data__drills_item__injects_item__twist__adaptations_item__keywords_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                                        if data__drills_item__injects_item__twist__adaptations_item_keys:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.adaptations[{data__drills_item__injects_item__twist__adaptations_x}]".format(**locals()) + " must not contain "+str(data__drills_item__injects_item__twist__adaptations_item_keys)+" properties")
                                                        if "questions" in data__drills_item__injects_item__twist_keys:
                                                            data__drills_item__injects_item__twist_keys.remove("questions")
                                                            data__drills_item__injects_item__twist__questions = data__drills_item__injects_item__twist["questions"]
                                                            if not isinstance(data__drills_item__injects_item__twist__questions, (list, tuple)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.questions".format(**locals()) + " must be array")
                                                            data__drills_item__injects_item__twist__questions_is_list = isinstance(data__drills_item__injects_item__twist__questions, (list, tuple))
                                                            if data__drills_item__injects_item__twist__questions_is_list:
                                                                data__drills_item__injects_item__twist__questions_len = len(data__drills_item__injects_item__twist__questions)
                                                                for data__drills_item__injects_item__twist__questions_x, data__drills_item__injects_item__twist__questions_item in enumerate(data__drills_item__injects_item__twist__questions):
                                                                    if not isinstance(data__drills_item__injects_item__twist__questions_item, (str)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.questions[{data__drills_item__injects_item__twist__questions_x}]".format(**locals()) + " must be string")
                                                                    if isinstance(data__drills_item__injects_item__twist__questions_item, str):
                                                                        data__drills_item__injects_item__twist__questions_item_len = len(data__drills_item__injects_item__twist__questions_item)
                                                                        if data__drills_item__injects_item__twist__questions_item_len < 1:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.questions[{data__drills_item__injects_item__twist__questions_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                        if data__drills_item__injects_item__twist__questions_item_len > 300:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.questions[{data__drills_item__injects_item__twist__questions_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__injects_item__twist__questions_item):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist.questions[{data__drills_item__injects_item__twist__questions_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if data__drills_item__injects_item__twist_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist".format(**locals()) + " must not contain "+str(data__drills_item__injects_item__twist_keys)+" properties")
                                                    data__drills_item__injects_item__twist_one_of_count4 += 1
                                                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                            if data__drills_item__injects_item__twist_one_of_count4 != 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].twist".format(**locals()) + " must be valid exactly by one definition")
                                        if "facilitator" in data__drills_item__injects_item_keys:
                                            data__drills_item__injects_item_keys.remove("facilitator")
                                            data__drills_item__injects_item__facilitator = data__drills_item__injects_item["facilitator"]
                                            if not isinstance(data__drills_item__injects_item__facilitator, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].facilitator".format(**locals()) + " must be string")
                                            if isinstance(data__drills_item__injects_item__facilitator, str):
                                                data__drills_item__injects_item__facilitator_len = len(data__drills_item__injects_item__facilitator)
                                                if data__drills_item__injects_item__facilitator_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].facilitator".format(**locals()) + " must be longer than or equal to 1 characters")
                                                if data__drills_item__injects_item__facilitator_len > 4000:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].facilitator".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__injects_item__facilitator):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}].facilitator".format(**locals()) + " must match pattern \\S")
                                        if data__drills_item__injects_item_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].injects[{data__drills_item__injects_x}]".format(**locals()) + " must not contain "+str(data__drills_item__injects_item_keys)+" properties")
                        if "expect" in data__drills_item_keys:
                            data__drills_item_keys.remove("expect")
                            data__drills_item__expect = data__drills_item["expect"]
                            if not isinstance(data__drills_item__expect, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect".format(**locals()) + " must be object")
                            data__drills_item__expect_is_dict = isinstance(data__drills_item__expect, dict)
                            if data__drills_item__expect_is_dict:
                                data__drills_item__expect__missing_keys = set(['severity']) - data__drills_item__expect.keys()
                                if data__drills_item__expect__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect".format(**locals()) + " must contain ")
                                data__drills_item__expect_keys = set(data__drills_item__expect.keys())
                                if "severity" in data__drills_item__expect_keys:
                                    data__drills_item__expect_keys.remove("severity")
                                    data__drills_item__expect__severity = data__drills_item__expect["severity"]
                                    if not isinstance(data__drills_item__expect__severity, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.severity".format(**locals()) + " must be string")
                                    if isinstance(data__drills_item__expect__severity, str):
                                        if not REGEX_PATTERNS['^[A-Z][A-Z0-9]{0,15}$'].search(data__drills_item__expect__severity):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.severity".format(**locals()) + " must match pattern ^[A-Z][A-Z0-9]{0,15}$")
                                if "novel" in data__drills_item__expect_keys:
                                    data__drills_item__expect_keys.remove("novel")
                                    data__drills_item__expect__novel = data__drills_item__expect["novel"]
                                    if not isinstance(data__drills_item__expect__novel, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel".format(**locals()) + " must be object")
                                    data__drills_item__expect__novel_is_dict = isinstance(data__drills_item__expect__novel, dict)
                                    if data__drills_item__expect__novel_is_dict:
                                        data__drills_item__expect__novel__missing_keys = set(['clocks', 'decisions']) - data__drills_item__expect__novel.keys()
                                        if data__drills_item__expect__novel__missing_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel".format(**locals()) + " must contain ")
                                        data__drills_item__expect__novel_keys = set(data__drills_item__expect__novel.keys())
                                        if "coach_within" in data__drills_item__expect__novel_keys:
                                            data__drills_item__expect__novel_keys.remove("coach_within")
                                            data__drills_item__expect__novel__coachwithin = data__drills_item__expect__novel["coach_within"]
                                            if not isinstance(data__drills_item__expect__novel__coachwithin, (int)) and not (isinstance(data__drills_item__expect__novel__coachwithin, float) and data__drills_item__expect__novel__coachwithin.is_integer()) or isinstance(data__drills_item__expect__novel__coachwithin, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.coach_within".format(**locals()) + " must be integer")
                                            if isinstance(data__drills_item__expect__novel__coachwithin, (int, float, Decimal)):
                                                if data__drills_item__expect__novel__coachwithin < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.coach_within".format(**locals()) + " must be bigger than or equal to 0")
                                                if data__drills_item__expect__novel__coachwithin > 525600:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.coach_within".format(**locals()) + " must be smaller than or equal to 525600")
                                        if "clocks" in data__drills_item__expect__novel_keys:
                                            data__drills_item__expect__novel_keys.remove("clocks")
                                            data__drills_item__expect__novel__clocks = data__drills_item__expect__novel["clocks"]
                                            if not isinstance(data__drills_item__expect__novel__clocks, (list, tuple)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks".format(**locals()) + " must be array")
                                            data__drills_item__expect__novel__clocks_is_list = isinstance(data__drills_item__expect__novel__clocks, (list, tuple))
                                            if data__drills_item__expect__novel__clocks_is_list:
                                                data__drills_item__expect__novel__clocks_len = len(data__drills_item__expect__novel__clocks)
                                                if data__drills_item__expect__novel__clocks_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks".format(**locals()) + " must contain at least 1 items")
                                                for data__drills_item__expect__novel__clocks_x, data__drills_item__expect__novel__clocks_item in enumerate(data__drills_item__expect__novel__clocks):
                                                    if not isinstance(data__drills_item__expect__novel__clocks_item, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}]".format(**locals()) + " must be object")
                                                    data__drills_item__expect__novel__clocks_item_is_dict = isinstance(data__drills_item__expect__novel__clocks_item, dict)
                                                    if data__drills_item__expect__novel__clocks_item_is_dict:
                                                        data__drills_item__expect__novel__clocks_item__missing_keys = set(['id', 'keywords']) - data__drills_item__expect__novel__clocks_item.keys()
                                                        if data__drills_item__expect__novel__clocks_item__missing_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}]".format(**locals()) + " must contain ")
                                                        data__drills_item__expect__novel__clocks_item_keys = set(data__drills_item__expect__novel__clocks_item.keys())
                                                        if "id" in data__drills_item__expect__novel__clocks_item_keys:
                                                            data__drills_item__expect__novel__clocks_item_keys.remove("id")
                                                            data__drills_item__expect__novel__clocks_item__id = data__drills_item__expect__novel__clocks_item["id"]
                                                            if not isinstance(data__drills_item__expect__novel__clocks_item__id, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].id".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__novel__clocks_item__id, str):
                                                                data__drills_item__expect__novel__clocks_item__id_len = len(data__drills_item__expect__novel__clocks_item__id)
                                                                if data__drills_item__expect__novel__clocks_item__id_len > 64:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__expect__novel__clocks_item__id):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                        if "clock" in data__drills_item__expect__novel__clocks_item_keys:
                                                            data__drills_item__expect__novel__clocks_item_keys.remove("clock")
                                                            data__drills_item__expect__novel__clocks_item__clock = data__drills_item__expect__novel__clocks_item["clock"]
                                                            if not isinstance(data__drills_item__expect__novel__clocks_item__clock, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].clock".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__novel__clocks_item__clock, str):
                                                                data__drills_item__expect__novel__clocks_item__clock_len = len(data__drills_item__expect__novel__clocks_item__clock)
                                                                if data__drills_item__expect__novel__clocks_item__clock_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].clock".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__expect__novel__clocks_item__clock_len > 300:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].clock".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__novel__clocks_item__clock):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].clock".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if "decision" in data__drills_item__expect__novel__clocks_item_keys:
                                                            data__drills_item__expect__novel__clocks_item_keys.remove("decision")
                                                            data__drills_item__expect__novel__clocks_item__decision = data__drills_item__expect__novel__clocks_item["decision"]
                                                            if not isinstance(data__drills_item__expect__novel__clocks_item__decision, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].decision".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__novel__clocks_item__decision, str):
                                                                data__drills_item__expect__novel__clocks_item__decision_len = len(data__drills_item__expect__novel__clocks_item__decision)
                                                                if data__drills_item__expect__novel__clocks_item__decision_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].decision".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__expect__novel__clocks_item__decision_len > 300:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].decision".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__novel__clocks_item__decision):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].decision".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if "keywords" in data__drills_item__expect__novel__clocks_item_keys:
                                                            data__drills_item__expect__novel__clocks_item_keys.remove("keywords")
                                                            data__drills_item__expect__novel__clocks_item__keywords = data__drills_item__expect__novel__clocks_item["keywords"]
                                                            if not isinstance(data__drills_item__expect__novel__clocks_item__keywords, (list, tuple)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].keywords".format(**locals()) + " must be array")
                                                            data__drills_item__expect__novel__clocks_item__keywords_is_list = isinstance(data__drills_item__expect__novel__clocks_item__keywords, (list, tuple))
                                                            if data__drills_item__expect__novel__clocks_item__keywords_is_list:
                                                                data__drills_item__expect__novel__clocks_item__keywords_len = len(data__drills_item__expect__novel__clocks_item__keywords)
                                                                if data__drills_item__expect__novel__clocks_item__keywords_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].keywords".format(**locals()) + " must contain at least 1 items")
                                                                for data__drills_item__expect__novel__clocks_item__keywords_x, data__drills_item__expect__novel__clocks_item__keywords_item in enumerate(data__drills_item__expect__novel__clocks_item__keywords):
                                                                    if not isinstance(data__drills_item__expect__novel__clocks_item__keywords_item, (str)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].keywords[{data__drills_item__expect__novel__clocks_item__keywords_x}]".format(**locals()) + " must be string")
                                                                    if isinstance(data__drills_item__expect__novel__clocks_item__keywords_item, str):
                                                                        data__drills_item__expect__novel__clocks_item__keywords_item_len = len(data__drills_item__expect__novel__clocks_item__keywords_item)
                                                                        if data__drills_item__expect__novel__clocks_item__keywords_item_len < 1:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].keywords[{data__drills_item__expect__novel__clocks_item__keywords_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                        if data__drills_item__expect__novel__clocks_item__keywords_item_len > 300:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].keywords[{data__drills_item__expect__novel__clocks_item__keywords_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__novel__clocks_item__keywords_item):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}].keywords[{data__drills_item__expect__novel__clocks_item__keywords_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if data__drills_item__expect__novel__clocks_item_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.clocks[{data__drills_item__expect__novel__clocks_x}]".format(**locals()) + " must not contain "+str(data__drills_item__expect__novel__clocks_item_keys)+" properties")
                                        if "decisions" in data__drills_item__expect__novel_keys:
                                            data__drills_item__expect__novel_keys.remove("decisions")
                                            data__drills_item__expect__novel__decisions = data__drills_item__expect__novel["decisions"]
                                            if not isinstance(data__drills_item__expect__novel__decisions, (list, tuple)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions".format(**locals()) + " must be array")
                                            data__drills_item__expect__novel__decisions_is_list = isinstance(data__drills_item__expect__novel__decisions, (list, tuple))
                                            if data__drills_item__expect__novel__decisions_is_list:
                                                data__drills_item__expect__novel__decisions_len = len(data__drills_item__expect__novel__decisions)
                                                if data__drills_item__expect__novel__decisions_len < 1:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions".format(**locals()) + " must contain at least 1 items")
                                                for data__drills_item__expect__novel__decisions_x, data__drills_item__expect__novel__decisions_item in enumerate(data__drills_item__expect__novel__decisions):
                                                    if not isinstance(data__drills_item__expect__novel__decisions_item, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}]".format(**locals()) + " must be object")
                                                    data__drills_item__expect__novel__decisions_item_is_dict = isinstance(data__drills_item__expect__novel__decisions_item, dict)
                                                    if data__drills_item__expect__novel__decisions_item_is_dict:
                                                        data__drills_item__expect__novel__decisions_item__missing_keys = set(['id', 'keywords']) - data__drills_item__expect__novel__decisions_item.keys()
                                                        if data__drills_item__expect__novel__decisions_item__missing_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}]".format(**locals()) + " must contain ")
                                                        data__drills_item__expect__novel__decisions_item_keys = set(data__drills_item__expect__novel__decisions_item.keys())
                                                        if "id" in data__drills_item__expect__novel__decisions_item_keys:
                                                            data__drills_item__expect__novel__decisions_item_keys.remove("id")
                                                            data__drills_item__expect__novel__decisions_item__id = data__drills_item__expect__novel__decisions_item["id"]
                                                            if not isinstance(data__drills_item__expect__novel__decisions_item__id, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].id".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__novel__decisions_item__id, str):
                                                                data__drills_item__expect__novel__decisions_item__id_len = len(data__drills_item__expect__novel__decisions_item__id)
                                                                if data__drills_item__expect__novel__decisions_item__id_len > 64:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__expect__novel__decisions_item__id):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                        if "clock" in data__drills_item__expect__novel__decisions_item_keys:
                                                            data__drills_item__expect__novel__decisions_item_keys.remove("clock")
                                                            data__drills_item__expect__novel__decisions_item__clock = data__drills_item__expect__novel__decisions_item["clock"]
                                                            if not isinstance(data__drills_item__expect__novel__decisions_item__clock, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].clock".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__novel__decisions_item__clock, str):
                                                                data__drills_item__expect__novel__decisions_item__clock_len = len(data__drills_item__expect__novel__decisions_item__clock)
                                                                if data__drills_item__expect__novel__decisions_item__clock_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].clock".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__expect__novel__decisions_item__clock_len > 300:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].clock".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__novel__decisions_item__clock):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].clock".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if "decision" in data__drills_item__expect__novel__decisions_item_keys:
                                                            data__drills_item__expect__novel__decisions_item_keys.remove("decision")
                                                            data__drills_item__expect__novel__decisions_item__decision = data__drills_item__expect__novel__decisions_item["decision"]
                                                            if not isinstance(data__drills_item__expect__novel__decisions_item__decision, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].decision".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__novel__decisions_item__decision, str):
                                                                data__drills_item__expect__novel__decisions_item__decision_len = len(data__drills_item__expect__novel__decisions_item__decision)
                                                                if data__drills_item__expect__novel__decisions_item__decision_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].decision".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__expect__novel__decisions_item__decision_len > 300:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].decision".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__novel__decisions_item__decision):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].decision".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if "keywords" in data__drills_item__expect__novel__decisions_item_keys:
                                                            data__drills_item__expect__novel__decisions_item_keys.remove("keywords")
                                                            data__drills_item__expect__novel__decisions_item__keywords = data__drills_item__expect__novel__decisions_item["keywords"]
                                                            if not isinstance(data__drills_item__expect__novel__decisions_item__keywords, (list, tuple)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].keywords".format(**locals()) + " must be array")
                                                            data__drills_item__expect__novel__decisions_item__keywords_is_list = isinstance(data__drills_item__expect__novel__decisions_item__keywords, (list, tuple))
                                                            if data__drills_item__expect__novel__decisions_item__keywords_is_list:
                                                                data__drills_item__expect__novel__decisions_item__keywords_len = len(data__drills_item__expect__novel__decisions_item__keywords)
                                                                if data__drills_item__expect__novel__decisions_item__keywords_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].keywords".format(**locals()) + " must contain at least 1 items")
                                                                for data__drills_item__expect__novel__decisions_item__keywords_x, data__drills_item__expect__novel__decisions_item__keywords_item in enumerate(data__drills_item__expect__novel__decisions_item__keywords):
                                                                    if not isinstance(data__drills_item__expect__novel__decisions_item__keywords_item, (str)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].keywords[{data__drills_item__expect__novel__decisions_item__keywords_x}]".format(**locals()) + " must be string")
                                                                    if isinstance(data__drills_item__expect__novel__decisions_item__keywords_item, str):
                                                                        data__drills_item__expect__novel__decisions_item__keywords_item_len = len(data__drills_item__expect__novel__decisions_item__keywords_item)
                                                                        if data__drills_item__expect__novel__decisions_item__keywords_item_len < 1:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].keywords[{data__drills_item__expect__novel__decisions_item__keywords_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                        if data__drills_item__expect__novel__decisions_item__keywords_item_len > 300:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].keywords[{data__drills_item__expect__novel__decisions_item__keywords_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__novel__decisions_item__keywords_item):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}].keywords[{data__drills_item__expect__novel__decisions_item__keywords_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if data__drills_item__expect__novel__decisions_item_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel.decisions[{data__drills_item__expect__novel__decisions_x}]".format(**locals()) + " must not contain "+str(data__drills_item__expect__novel__decisions_item_keys)+" properties")
                                        if data__drills_item__expect__novel_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.novel".format(**locals()) + " must not contain "+str(data__drills_item__expect__novel_keys)+" properties")
                                if "classify_within" in data__drills_item__expect_keys:
                                    data__drills_item__expect_keys.remove("classify_within")
                                    data__drills_item__expect__classifywithin = data__drills_item__expect["classify_within"]
                                    if not isinstance(data__drills_item__expect__classifywithin, (int)) and not (isinstance(data__drills_item__expect__classifywithin, float) and data__drills_item__expect__classifywithin.is_integer()) or isinstance(data__drills_item__expect__classifywithin, bool):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.classify_within".format(**locals()) + " must be integer")
                                    if isinstance(data__drills_item__expect__classifywithin, (int, float, Decimal)):
                                        if data__drills_item__expect__classifywithin < 0:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.classify_within".format(**locals()) + " must be bigger than or equal to 0")
                                        if data__drills_item__expect__classifywithin > 525600:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.classify_within".format(**locals()) + " must be smaller than or equal to 525600")
                                if "objectives" in data__drills_item__expect_keys:
                                    data__drills_item__expect_keys.remove("objectives")
                                    data__drills_item__expect__objectives = data__drills_item__expect["objectives"]
                                    if not isinstance(data__drills_item__expect__objectives, (list, tuple)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives".format(**locals()) + " must be array")
                                    data__drills_item__expect__objectives_is_list = isinstance(data__drills_item__expect__objectives, (list, tuple))
                                    if data__drills_item__expect__objectives_is_list:
                                        data__drills_item__expect__objectives_len = len(data__drills_item__expect__objectives)
                                        if data__drills_item__expect__objectives_len < 1:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives".format(**locals()) + " must contain at least 1 items")
                                        for data__drills_item__expect__objectives_x, data__drills_item__expect__objectives_item in enumerate(data__drills_item__expect__objectives):
                                            if not isinstance(data__drills_item__expect__objectives_item, (dict)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}]".format(**locals()) + " must be object")
                                            data__drills_item__expect__objectives_item_is_dict = isinstance(data__drills_item__expect__objectives_item, dict)
                                            if data__drills_item__expect__objectives_item_is_dict:
                                                data__drills_item__expect__objectives_item__missing_keys = set(['id', 'goal', 'steps']) - data__drills_item__expect__objectives_item.keys()
                                                if data__drills_item__expect__objectives_item__missing_keys:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}]".format(**locals()) + " must contain ")
                                                data__drills_item__expect__objectives_item_keys = set(data__drills_item__expect__objectives_item.keys())
                                                if "id" in data__drills_item__expect__objectives_item_keys:
                                                    data__drills_item__expect__objectives_item_keys.remove("id")
                                                    data__drills_item__expect__objectives_item__id = data__drills_item__expect__objectives_item["id"]
                                                    if not isinstance(data__drills_item__expect__objectives_item__id, (str)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].id".format(**locals()) + " must be string")
                                                    if isinstance(data__drills_item__expect__objectives_item__id, str):
                                                        data__drills_item__expect__objectives_item__id_len = len(data__drills_item__expect__objectives_item__id)
                                                        if data__drills_item__expect__objectives_item__id_len > 64:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].id".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__expect__objectives_item__id):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].id".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                if "goal" in data__drills_item__expect__objectives_item_keys:
                                                    data__drills_item__expect__objectives_item_keys.remove("goal")
                                                    data__drills_item__expect__objectives_item__goal = data__drills_item__expect__objectives_item["goal"]
                                                    if not isinstance(data__drills_item__expect__objectives_item__goal, (str)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].goal".format(**locals()) + " must be string")
                                                    if isinstance(data__drills_item__expect__objectives_item__goal, str):
                                                        data__drills_item__expect__objectives_item__goal_len = len(data__drills_item__expect__objectives_item__goal)
                                                        if data__drills_item__expect__objectives_item__goal_len < 1:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].goal".format(**locals()) + " must be longer than or equal to 1 characters")
                                                        if data__drills_item__expect__objectives_item__goal_len > 300:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].goal".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__objectives_item__goal):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].goal".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                if "steps" in data__drills_item__expect__objectives_item_keys:
                                                    data__drills_item__expect__objectives_item_keys.remove("steps")
                                                    data__drills_item__expect__objectives_item__steps = data__drills_item__expect__objectives_item["steps"]
                                                    if not isinstance(data__drills_item__expect__objectives_item__steps, (list, tuple)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps".format(**locals()) + " must be array")
                                                    data__drills_item__expect__objectives_item__steps_is_list = isinstance(data__drills_item__expect__objectives_item__steps, (list, tuple))
                                                    if data__drills_item__expect__objectives_item__steps_is_list:
                                                        data__drills_item__expect__objectives_item__steps_len = len(data__drills_item__expect__objectives_item__steps)
                                                        if data__drills_item__expect__objectives_item__steps_len < 1:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps".format(**locals()) + " must contain at least 1 items")
                                                        for data__drills_item__expect__objectives_item__steps_x, data__drills_item__expect__objectives_item__steps_item in enumerate(data__drills_item__expect__objectives_item__steps):
                                                            if not isinstance(data__drills_item__expect__objectives_item__steps_item, (dict)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}]".format(**locals()) + " must be object")
                                                            data__drills_item__expect__objectives_item__steps_item_is_dict = isinstance(data__drills_item__expect__objectives_item__steps_item, dict)
                                                            if data__drills_item__expect__objectives_item__steps_item_is_dict:
                                                                data__drills_item__expect__objectives_item__steps_item__missing_keys = set(['step']) - data__drills_item__expect__objectives_item__steps_item.keys()
                                                                if data__drills_item__expect__objectives_item__steps_item__missing_keys:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}]".format(**locals()) + " must contain ")
                                                                data__drills_item__expect__objectives_item__steps_item_keys = set(data__drills_item__expect__objectives_item__steps_item.keys())
                                                                if "step" in data__drills_item__expect__objectives_item__steps_item_keys:
                                                                    data__drills_item__expect__objectives_item__steps_item_keys.remove("step")
                                                                    data__drills_item__expect__objectives_item__steps_item__step = data__drills_item__expect__objectives_item__steps_item["step"]
                                                                    if not isinstance(data__drills_item__expect__objectives_item__steps_item__step, (str)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}].step".format(**locals()) + " must be string")
                                                                    if isinstance(data__drills_item__expect__objectives_item__steps_item__step, str):
                                                                        data__drills_item__expect__objectives_item__steps_item__step_len = len(data__drills_item__expect__objectives_item__steps_item__step)
                                                                        if data__drills_item__expect__objectives_item__steps_item__step_len > 64:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}].step".format(**locals()) + " must be shorter than or equal to 64 characters")
                                                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__drills_item__expect__objectives_item__steps_item__step):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}].step".format(**locals()) + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
                                                                if "weight" in data__drills_item__expect__objectives_item__steps_item_keys:
                                                                    data__drills_item__expect__objectives_item__steps_item_keys.remove("weight")
                                                                    data__drills_item__expect__objectives_item__steps_item__weight = data__drills_item__expect__objectives_item__steps_item["weight"]
                                                                    if not isinstance(data__drills_item__expect__objectives_item__steps_item__weight, (int)) and not (isinstance(data__drills_item__expect__objectives_item__steps_item__weight, float) and data__drills_item__expect__objectives_item__steps_item__weight.is_integer()) or isinstance(data__drills_item__expect__objectives_item__steps_item__weight, bool):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}].weight".format(**locals()) + " must be integer")
                                                                    if isinstance(data__drills_item__expect__objectives_item__steps_item__weight, (int, float, Decimal)):
                                                                        if data__drills_item__expect__objectives_item__steps_item__weight < 1:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}].weight".format(**locals()) + " must be bigger than or equal to 1")
                                                                        if data__drills_item__expect__objectives_item__steps_item__weight > 10:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}].weight".format(**locals()) + " must be smaller than or equal to 10")
                                                                if data__drills_item__expect__objectives_item__steps_item_keys:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].steps[{data__drills_item__expect__objectives_item__steps_x}]".format(**locals()) + " must not contain "+str(data__drills_item__expect__objectives_item__steps_item_keys)+" properties")
                                                if "guide" in data__drills_item__expect__objectives_item_keys:
                                                    data__drills_item__expect__objectives_item_keys.remove("guide")
                                                    data__drills_item__expect__objectives_item__guide = data__drills_item__expect__objectives_item["guide"]
                                                    if not isinstance(data__drills_item__expect__objectives_item__guide, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide".format(**locals()) + " must be object")
                                                    data__drills_item__expect__objectives_item__guide_is_dict = isinstance(data__drills_item__expect__objectives_item__guide, dict)
                                                    if data__drills_item__expect__objectives_item__guide_is_dict:
                                                        data__drills_item__expect__objectives_item__guide__missing_keys = set(['good', 'observe']) - data__drills_item__expect__objectives_item__guide.keys()
                                                        if data__drills_item__expect__objectives_item__guide__missing_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide".format(**locals()) + " must contain ")
                                                        data__drills_item__expect__objectives_item__guide_keys = set(data__drills_item__expect__objectives_item__guide.keys())
                                                        if "good" in data__drills_item__expect__objectives_item__guide_keys:
                                                            data__drills_item__expect__objectives_item__guide_keys.remove("good")
                                                            data__drills_item__expect__objectives_item__guide__good = data__drills_item__expect__objectives_item__guide["good"]
                                                            if not isinstance(data__drills_item__expect__objectives_item__guide__good, (str)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.good".format(**locals()) + " must be string")
                                                            if isinstance(data__drills_item__expect__objectives_item__guide__good, str):
                                                                data__drills_item__expect__objectives_item__guide__good_len = len(data__drills_item__expect__objectives_item__guide__good)
                                                                if data__drills_item__expect__objectives_item__guide__good_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.good".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                if data__drills_item__expect__objectives_item__guide__good_len > 4000:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.good".format(**locals()) + " must be shorter than or equal to 4000 characters")
                                                                if not REGEX_PATTERNS['\\S'].search(data__drills_item__expect__objectives_item__guide__good):
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.good".format(**locals()) + " must match pattern \\S")
                                                        if "observe" in data__drills_item__expect__objectives_item__guide_keys:
                                                            data__drills_item__expect__objectives_item__guide_keys.remove("observe")
                                                            data__drills_item__expect__objectives_item__guide__observe = data__drills_item__expect__objectives_item__guide["observe"]
                                                            if not isinstance(data__drills_item__expect__objectives_item__guide__observe, (list, tuple)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.observe".format(**locals()) + " must be array")
                                                            data__drills_item__expect__objectives_item__guide__observe_is_list = isinstance(data__drills_item__expect__objectives_item__guide__observe, (list, tuple))
                                                            if data__drills_item__expect__objectives_item__guide__observe_is_list:
                                                                data__drills_item__expect__objectives_item__guide__observe_len = len(data__drills_item__expect__objectives_item__guide__observe)
                                                                if data__drills_item__expect__objectives_item__guide__observe_len < 1:
                                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.observe".format(**locals()) + " must contain at least 1 items")
                                                                for data__drills_item__expect__objectives_item__guide__observe_x, data__drills_item__expect__objectives_item__guide__observe_item in enumerate(data__drills_item__expect__objectives_item__guide__observe):
                                                                    if not isinstance(data__drills_item__expect__objectives_item__guide__observe_item, (str)):
                                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.observe[{data__drills_item__expect__objectives_item__guide__observe_x}]".format(**locals()) + " must be string")
                                                                    if isinstance(data__drills_item__expect__objectives_item__guide__observe_item, str):
                                                                        data__drills_item__expect__objectives_item__guide__observe_item_len = len(data__drills_item__expect__objectives_item__guide__observe_item)
                                                                        if data__drills_item__expect__objectives_item__guide__observe_item_len < 1:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.observe[{data__drills_item__expect__objectives_item__guide__observe_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                                                        if data__drills_item__expect__objectives_item__guide__observe_item_len > 300:
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.observe[{data__drills_item__expect__objectives_item__guide__observe_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__expect__objectives_item__guide__observe_item):
                                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide.observe[{data__drills_item__expect__objectives_item__guide__observe_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                                                        if data__drills_item__expect__objectives_item__guide_keys:
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}].guide".format(**locals()) + " must not contain "+str(data__drills_item__expect__objectives_item__guide_keys)+" properties")
                                                if data__drills_item__expect__objectives_item_keys:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect.objectives[{data__drills_item__expect__objectives_x}]".format(**locals()) + " must not contain "+str(data__drills_item__expect__objectives_item_keys)+" properties")
                                if data__drills_item__expect_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].expect".format(**locals()) + " must not contain "+str(data__drills_item__expect_keys)+" properties")
                        if "questions" in data__drills_item_keys:
                            data__drills_item_keys.remove("questions")
                            data__drills_item__questions = data__drills_item["questions"]
                            if not isinstance(data__drills_item__questions, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].questions".format(**locals()) + " must be array")
                            data__drills_item__questions_is_list = isinstance(data__drills_item__questions, (list, tuple))
                            if data__drills_item__questions_is_list:
                                data__drills_item__questions_len = len(data__drills_item__questions)
                                for data__drills_item__questions_x, data__drills_item__questions_item in enumerate(data__drills_item__questions):
                                    if not isinstance(data__drills_item__questions_item, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].questions[{data__drills_item__questions_x}]".format(**locals()) + " must be string")
                                    if isinstance(data__drills_item__questions_item, str):
                                        data__drills_item__questions_item_len = len(data__drills_item__questions_item)
                                        if data__drills_item__questions_item_len < 1:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].questions[{data__drills_item__questions_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                                        if data__drills_item__questions_item_len > 300:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].questions[{data__drills_item__questions_x}]".format(**locals()) + " must be shorter than or equal to 300 characters")
                                        if not REGEX_PATTERNS['^[^\\n]*\\S[^\\n]*$'].search(data__drills_item__questions_item):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}].questions[{data__drills_item__questions_x}]".format(**locals()) + " must match pattern ^[^\\n]*\\S[^\\n]*$")
                        if data__drills_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".drills[{data__drills_x}]".format(**locals()) + " must not contain "+str(data__drills_item_keys)+" properties")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data