"""OCR word boxes per page (the authors table is read from their geometry)

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pages') as b:
        b.add_column(sa.Column('words', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pages') as b:
        b.drop_column('words')
