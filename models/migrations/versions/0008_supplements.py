"""Supplements: dossiers.supplement_of (the dossier a resubmission replaces), dossiers.supplement_due

Revision ID: 0008
Revises: 0007

SQLite adds a column with its REFERENCES clause in place (no table rebuild, which would drop
and copy the dossiers table that many others refer to); PostgreSQL adds the column, then its
foreign key under the name PostgreSQL itself would give it.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE dossiers ADD COLUMN supplement_of INTEGER REFERENCES dossiers (id)')
    else:
        op.add_column('dossiers', sa.Column('supplement_of', sa.Integer(), nullable=True))
        op.create_foreign_key('dossiers_supplement_of_fkey', 'dossiers', 'dossiers',
                              ['supplement_of'], ['id'])
    op.add_column('dossiers', sa.Column('supplement_due', sa.Date(), nullable=True))
    op.create_index('ix_dossiers_supplement_of', 'dossiers', ['supplement_of'])


def downgrade() -> None:
    op.drop_index('ix_dossiers_supplement_of', table_name='dossiers')
    with op.batch_alter_table('dossiers') as b:
        b.drop_column('supplement_due')
        b.drop_column('supplement_of')
