"""dossier understanding: stack parts, document segments, formation, profile, results

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('batches') as b:
        b.add_column(sa.Column('grouped', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('dossiers') as b:
        b.add_column(sa.Column('formation', sa.JSON(), nullable=True))
        b.add_column(sa.Column('profile_how', sa.String(length=20), nullable=True))
        b.add_column(sa.Column('understanding', sa.JSON(), nullable=True))
    with op.batch_alter_table('documents') as b:
        b.add_column(sa.Column('first_page', sa.Integer(), nullable=True))
        b.add_column(sa.Column('last_page', sa.Integer(), nullable=True))
        b.add_column(sa.Column('segments', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('documents') as b:
        b.drop_column('segments')
        b.drop_column('last_page')
        b.drop_column('first_page')
    with op.batch_alter_table('dossiers') as b:
        b.drop_column('understanding')
        b.drop_column('profile_how')
        b.drop_column('formation')
    with op.batch_alter_table('batches') as b:
        b.drop_column('grouped')
