"""Full-text index of dossiers: search_entries, search_texts; FTS5 (SQLite) or tsvector + GIN (PostgreSQL)

Revision ID: 0007
Revises: 0006

The plain tables are in models.tables. The index is dialect-specific and not in the metadata
(tests/models/test_db.py ignores exactly these objects when comparing):
- SQLite: the FTS5 table search_fts (rowid = dossier id; columns title, record, body, holding
  folded text) and a trigger that removes a dossier's row when its search_entries row goes
  (re-indexing, or the dossier deleted: the foreign keys cascade);
- PostgreSQL: search_entries.head (title and record) and search_entries.tsv (all of it), both
  tsvectors of folded text, with a GIN index on tsv.
Existing dossiers are indexed by `hoso reindex` (it needs the pipeline, not only SQL).
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _dossier_key():
    return sa.Column('dossier_id', sa.Integer(), sa.ForeignKey('dossiers.id', ondelete='CASCADE'),
                     primary_key=True, autoincrement=False)


def upgrade() -> None:
    op.create_table(
        'search_entries', _dossier_key(),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('year', sa.Integer(), nullable=True, index=True),
        sa.Column('unit', sa.Text(), nullable=True),
        sa.Column('field', sa.Text(), nullable=True),
        sa.Column('unit_key', sa.Text(), nullable=True, index=True),
        sa.Column('field_key', sa.Text(), nullable=True, index=True),
        sa.Column('round', sa.String(100), nullable=True, index=True),
        sa.Column('prior', sa.Boolean(), nullable=False),
        sa.Column('indexed_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table('search_texts', _dossier_key(), sa.Column('pages', sa.JSON(), nullable=False))
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(title, record, body, "
                   "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
        op.execute("CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries "
                   "BEGIN DELETE FROM search_fts WHERE rowid = old.dossier_id; END")
    elif dialect == 'postgresql':
        op.execute("ALTER TABLE search_entries ADD COLUMN head tsvector, ADD COLUMN tsv tsvector")
        op.execute("CREATE INDEX ix_search_entries_tsv ON search_entries USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TRIGGER IF EXISTS search_entries_fts_delete")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table('search_texts')
    op.drop_table('search_entries')
