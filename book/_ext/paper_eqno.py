"""Show the paper's equation numbers: an equation labelled eq-2-9 is displayed and referenced as (2.9).

Sphinx numbers display math per page ((1), (2), ...). This extension runs after Sphinx has assigned
those numbers and replaces them, for every label of the form eq-<section>-<number> (eq-2-9, eq-a-6,
eq-2-9a), by the paper's number (2.9, A.6, 2.9a). Other equations keep Sphinx's running numbers.
Both the number printed next to the equation and every {eq} reference use the replaced number.

Incremental builds: Sphinx compares the numbers it assigns with those stored in the environment and re-writes
every page whose numbers "changed". So the replacement is undone just before Sphinx assigns (priority 100) and
redone just after (priority 900): Sphinx only ever compares its own numbers, and a rebuild with nothing changed
re-writes nothing.
"""
import re

PAPER_LABEL = re.compile(r"^equation-eq-([0-9a-z]+)-([0-9]+[a-z]?)$")


def _restore_sphinx_numbers(app, env):
    for docname, ids in getattr(env, "paper_eqno_original", {}).items():
        per_type = env.toc_fignumbers.get(docname, {}).get("displaymath", {})
        for node_id, number in ids.items():
            if node_id in per_type:
                per_type[node_id] = number
    return []


def _paper_numbers(app, env):
    original = {}
    for docname, per_type in env.toc_fignumbers.items():
        for node_id in list(per_type.get("displaymath", {})):
            m = PAPER_LABEL.match(node_id)
            if m:
                original.setdefault(docname, {})[node_id] = per_type["displaymath"][node_id]
                per_type["displaymath"][node_id] = (m.group(1).upper(), m.group(2))
    env.paper_eqno_original = original
    return []


def setup(app):
    app.connect("env-get-updated", _restore_sphinx_numbers, priority=100)
    app.connect("env-get-updated", _paper_numbers, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.2", "env_version": 2}
