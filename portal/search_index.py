"""PostgreSQL's search index, written as modelsearch writes it, with each kind of vector compiled once a batch.

modelsearch builds every object's title, autocomplete and body vectors as Django expressions (one `to_tsvector`
a text, with its weight) and compiles them object by object, and reads each field of the object five times (once
for each text it stores): about 1.3 ms an object, a quarter of the CPU an import spends on a program. A vector's
SQL depends only on the weights of the texts it holds, so this index has modelsearch compile it once for each list
of weights in a batch, then gives every object its own texts as the parameters; each field is read once. The
texts, the SQL and the INSERT are modelsearch's: tests/postgres/test_search_index.py checks that the rows are the
ones modelsearch's own index writes. `update_index` and the import both write through it.
"""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_content_type_pk

IndexEntry = postgres.IndexEntry

# modelsearch's statement (PostgresIndex.add_items): a new entry, or the object's entry replaced.
INSERT = """
    INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
    (VALUES {rows})
    ON CONFLICT (content_type_id, object_id)
    DO UPDATE SET title = EXCLUDED.title,
                  title_norm = 1.0,
                  autocomplete = EXCLUDED.autocomplete,
                  body = EXCLUDED.body,
                  title_text = EXCLUDED.title_text,
                  body_text = EXCLUDED.body_text
"""


class PostgresIndex(postgres.PostgresIndex):
    """modelsearch's index for PostgreSQL; only the writing of many objects at once is its own."""

    def add_items(self, model, objs):
        if not model.get_search_fields() or not objs:
            return
        vectors = CompiledVectors(self.write_connection)
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend, vectors)
            (title, title_params), (autocomplete, autocomplete_params), (body, body_params) = (
                indexer.title,
                indexer.autocomplete,
                indexer.body,
            )
            rows.append(f"(%s, %s, {title}, {autocomplete}, {body}, 1.0, %s, %s)")
            params += [content_type_pk, indexer.id, *title_params, *autocomplete_params, *body_params]
            params += [indexer.title_text, indexer.body_text]
        with self.write_connection.cursor() as cursor:
            cursor.execute(INSERT.format(table=IndexEntry._meta.db_table, rows=", ".join(rows)), params)
        self._refresh_title_norms()


class ObjectIndexer(postgres.ObjectIndexer):
    """modelsearch's indexer, whose vectors are (SQL, parameters) from `CompiledVectors` instead of expressions."""

    def __init__(self, obj, backend, vectors):
        super().__init__(obj, backend)
        self.vectors = vectors
        self.prepared = {}

    def prepare_field(self, obj, field):
        # modelsearch reads every field of the object again for each of its five texts: read each once.
        if obj is not self.obj:
            return super().prepare_field(obj, field)
        if id(field) not in self.prepared:
            self.prepared[id(field)] = list(super().prepare_field(obj, field))
        return self.prepared[id(field)]

    def as_vector(self, texts, for_autocomplete=False):
        # As modelsearch's own: texts stripped, empty ones left out.
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        sql, params, slots = self.vectors.get(self, [weight for _text, weight in texts], for_autocomplete)
        params = list(params)
        for slot, (text, _weight) in zip(slots, texts, strict=True):
            params[slot] = text
        return sql, params


class CompiledVectors:
    """The SQL of a vector for each list of weights, compiled by modelsearch and Django the first time it is asked."""

    def __init__(self, connection):
        self.compiler = InsertQuery(IndexEntry).get_compiler(connection=connection)
        self.compiled = {}

    def get(self, indexer, weights, for_autocomplete):
        """(SQL, parameters, where each text goes in the parameters) of a vector of texts with these weights."""
        key = (tuple(weights), for_autocomplete)
        if key not in self.compiled:
            stand_ins = [f"{{text {number}}}" for number in range(len(weights))]  # unlike any config or weight
            texts = list(zip(stand_ins, weights, strict=True))
            vector = postgres.ObjectIndexer.as_vector(indexer, texts, for_autocomplete)  # modelsearch's expression
            value = self.compiler.prepare_value(IndexEntry._meta.get_field("body"), vector)
            sql, params = value.as_sql(self.compiler, self.compiler.connection)
            self.compiled[key] = sql, params, [params.index(stand_in) for stand_in in stand_ins]
        return self.compiled[key]
