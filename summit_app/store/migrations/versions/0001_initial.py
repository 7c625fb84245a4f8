"""The first plan-file schema.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table('approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('superintendent_name', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('superintendent_title', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('board_president', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('technology_director', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('board_meeting_date', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval'))
    )
    op.create_table('devices',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('device_type', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('users', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('count', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('average_age_years', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('refresh_cycle_years', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices'))
    )
    op.create_table('district',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('state', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('enrollment', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('schools', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('staff', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('teachers', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('summit_city', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('summit_date', sa.Date(), nullable=True),
    sa.Column('first_fiscal_year', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('plan_years', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_district'))
    )
    op.create_table('edit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('author', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('label', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('edit', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_edit_log'))
    )
    op.create_table('funding_sources',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('kind', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('recurring', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('amounts_1', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('amounts_2', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('amounts_3', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('amounts_4', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('amounts_5', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_sources'))
    )
    op.create_table('goals',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('description', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('gear', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('iste_conditions', sa.Text(), server_default=sa.text("'[]'"), nullable=False),
    sa.Column('erate_elements', sa.Text(), server_default=sa.text("'[]'"), nullable=False),
    sa.Column('measure', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('baseline', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('target', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('owner', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals'))
    )
    op.create_table('learning_activities',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('component', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('audience', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('participants', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('hours', sa.BigInteger(), server_default=sa.text('0'), nullable=False),
    sa.Column('format', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('goal_ids', sa.Text(), server_default=sa.text("'[]'"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_activities'))
    )
    op.create_table('milestones',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('owner', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('status', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('goal_ids', sa.Text(), server_default=sa.text("'[]'"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestones'))
    )
    op.create_table('network',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('internet_mbps', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('wan_mbps', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('wifi_coverage_percent', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('target_mbps_per_1000', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('target_wan_mbps', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('support_technicians', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('notes', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network'))
    )
    op.create_table('plan_info',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_plan_info'))
    )
    op.create_table('privacy_apps',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('vendor', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('purpose', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('audience', sa.Text(), server_default=sa.text("'[]'"), nullable=False),
    sa.Column('data_categories', sa.Text(), server_default=sa.text("'[]'"), nullable=False),
    sa.Column('agreement_status', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('consent_route', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('retention', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('approval', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_apps'))
    )
    op.create_table('privacy_practices',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_practices'))
    )
    op.create_table('readiness_ratings',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('revealed', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_readiness_ratings'))
    )
    op.create_table('signature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signature'))
    )
    op.create_table('team_members',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('role', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('title', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('email', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_members'))
    )
    op.create_table('vision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vision'))
    )
    op.create_table('budget_lines',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('category', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('goal_id', sa.String(), nullable=True),
    sa.Column('recurring', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('unit_cost', sa.BigInteger(), server_default=sa.text('0'), nullable=False),
    sa.Column('quantity', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('first_year', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('last_year', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('funding_source_id', sa.String(), nullable=True),
    sa.Column('app_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['app_id'], ['privacy_apps.id'], name=op.f('fk_budget_lines_app_id_privacy_apps')),
    sa.ForeignKeyConstraint(['funding_source_id'], ['funding_sources.id'], name=op.f('fk_budget_lines_funding_source_id_funding_sources')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_budget_lines_goal_id_goals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_lines'))
    )
    op.create_table('goal_actions',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('owner', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_actions_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_actions'))
    )
    op.create_table('member_ratings',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('element_id', sa.Text(), server_default=sa.text("('')"), nullable=False),
    sa.Column('member_id', sa.String(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['team_members.id'], name=op.f('fk_member_ratings_member_id_team_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_ratings'))
    )


def downgrade() -> None:
    op.drop_table('member_ratings')
    op.drop_table('goal_actions')
    op.drop_table('budget_lines')
    op.drop_table('vision')
    op.drop_table('team_members')
    op.drop_table('signature')
    op.drop_table('readiness_ratings')
    op.drop_table('privacy_practices')
    op.drop_table('privacy_apps')
    op.drop_table('plan_info')
    op.drop_table('network')
    op.drop_table('milestones')
    op.drop_table('learning_activities')
    op.drop_table('goals')
    op.drop_table('funding_sources')
    op.drop_table('edit_log')
    op.drop_table('district')
    op.drop_table('devices')
    op.drop_table('approval')
