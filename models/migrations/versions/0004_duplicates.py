"""Near-duplicate index entries, matches, registered template text, archive metadata

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dossiers') as b:
        b.add_column(sa.Column('meta', sa.JSON(), nullable=True))
        b.add_column(sa.Column('duplicates_checked_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'dup_entries',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('dossier_id', sa.Integer(), sa.ForeignKey('dossiers.id'), nullable=False,
                  unique=True),
        sa.Column('prints', sa.LargeBinary(), nullable=False),
        sa.Column('body', sa.LargeBinary(), nullable=False),
        sa.Column('own_tokens', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        'dup_matches',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('dossier_id', sa.Integer(), sa.ForeignKey('dossiers.id'), nullable=False),
        sa.Column('other_id', sa.Integer(), sa.ForeignKey('dossiers.id'), nullable=False),
        sa.Column('similarity', sa.Float(), nullable=False),
        sa.Column('coverage', sa.Float(), nullable=False),
        sa.Column('their_coverage', sa.Float(), nullable=False),
        sa.Column('passages', sa.JSON(), nullable=False),
        sa.Column('excluded', sa.Boolean(), nullable=False),
        sa.Column('excluded_reason', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('dossier_id', 'other_id'),
    )
    op.create_index('ix_dup_matches_dossier_id', 'dup_matches', ['dossier_id'])
    op.create_index('ix_dup_matches_other_id', 'dup_matches', ['other_id'])
    op.create_table(
        'template_texts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('template_texts')
    op.drop_table('dup_matches')
    op.drop_table('dup_entries')
    with op.batch_alter_table('dossiers') as b:
        b.drop_column('duplicates_checked_at')
        b.drop_column('meta')
