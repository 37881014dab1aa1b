"""Accounts, sessions, API tokens, login attempts, audit log; assignments, score sheets, decisions

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _id():
    return sa.Column('id', sa.Integer(), primary_key=True)


def _at(name, nullable=False):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        'users', _id(),
        sa.Column('login', sa.String(100), nullable=False, unique=True),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('role', sa.String(20), nullable=False),
        sa.Column('unit', sa.String(300), nullable=True),
        sa.Column('password_hash', sa.String(200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        _at('created_at'),
    )
    op.create_table(
        'api_tokens', _id(),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False, index=True),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('token_sha256', sa.String(64), nullable=False, unique=True),
        sa.Column('revoked', sa.Boolean(), nullable=False),
        _at('created_at'), _at('last_used_at', True),
    )
    op.create_table(
        'web_sessions', _id(),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False, index=True),
        sa.Column('token_sha256', sa.String(64), nullable=False, unique=True),
        sa.Column('csrf', sa.String(64), nullable=False),
        _at('created_at'), _at('expires_at'),
    )
    op.create_table(
        'login_attempts', _id(),
        sa.Column('login', sa.String(100), nullable=False, index=True),
        sa.Column('ip', sa.String(64), nullable=True, index=True),
        sa.Column('ok', sa.Boolean(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False, index=True),
    )
    op.create_table(
        'audit_log', _id(),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=True, index=True),
        sa.Column('login', sa.String(100), nullable=True),
        sa.Column('action', sa.String(50), nullable=False, index=True),
        sa.Column('object_type', sa.String(30), nullable=True),
        sa.Column('object_id', sa.Integer(), nullable=True, index=True),
        sa.Column('detail', sa.JSON(), nullable=True),
        sa.Column('ip', sa.String(64), nullable=True),
    )
    op.create_table(
        'assignments', _id(),
        sa.Column('dossier_id', sa.Integer(), sa.ForeignKey('dossiers.id'), nullable=False,
                  index=True),
        sa.Column('reviewer_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False,
                  index=True),
        sa.Column('assigned_by', sa.Integer(), sa.ForeignKey('users.id'), nullable=True),
        _at('assigned_at'),
        sa.UniqueConstraint('dossier_id', 'reviewer_id'),
    )
    op.create_table(
        'score_sheets', _id(),
        sa.Column('dossier_id', sa.Integer(), sa.ForeignKey('dossiers.id'), nullable=False,
                  index=True),
        sa.Column('reviewer_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False,
                  index=True),
        sa.Column('scores', sa.JSON(), nullable=False),
        sa.Column('total', sa.Float(), nullable=False),
        sa.Column('passed', sa.Boolean(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=True),
        _at('submitted_at', True), _at('updated_at'),
        sa.UniqueConstraint('dossier_id', 'reviewer_id'),
    )
    op.create_table(
        'decisions', _id(),
        sa.Column('dossier_id', sa.Integer(), sa.ForeignKey('dossiers.id'), nullable=False,
                  index=True),
        sa.Column('decided_by', sa.Integer(), sa.ForeignKey('users.id'), nullable=False),
        sa.Column('decision', sa.String(20), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        _at('at'),
    )
    with op.batch_alter_table('dossiers') as b:
        b.add_column(sa.Column('decision', sa.String(20), nullable=True))
        b.add_column(sa.Column('missing', sa.Integer(), nullable=True))
        b.add_column(sa.Column('search_text', sa.Text(), nullable=True))
        b.create_index('ix_dossiers_decision', ['decision'])


def downgrade() -> None:
    with op.batch_alter_table('dossiers') as b:
        b.drop_index('ix_dossiers_decision')
        b.drop_column('search_text')
        b.drop_column('missing')
        b.drop_column('decision')
    for table in ('decisions', 'score_sheets', 'assignments', 'audit_log', 'login_attempts',
                  'web_sessions', 'api_tokens', 'users'):
        op.drop_table(table)
