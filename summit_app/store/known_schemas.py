"""The schema objects of every released plan-file revision (written by tools/record_schemas.py).

(type, name, table) -> the normalised SQL texts accepted for it; see store/schema_check.py.
"""

# ruff: noqa: E501

SCHEMAS: dict[int, dict[tuple[str, str, str], frozenset[str]]] = {1: {('index', 'sqlite_autoindex_alembic_version_1', 'alembic_version'): frozenset({''}),
     ('index', 'sqlite_autoindex_budget_lines_1', 'budget_lines'): frozenset({''}),
     ('index', 'sqlite_autoindex_devices_1', 'devices'): frozenset({''}),
     ('index', 'sqlite_autoindex_funding_sources_1', 'funding_sources'): frozenset({''}),
     ('index', 'sqlite_autoindex_goal_actions_1', 'goal_actions'): frozenset({''}),
     ('index', 'sqlite_autoindex_goals_1', 'goals'): frozenset({''}),
     ('index', 'sqlite_autoindex_learning_activities_1', 'learning_activities'): frozenset({''}),
     ('index', 'sqlite_autoindex_member_ratings_1', 'member_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_milestones_1', 'milestones'): frozenset({''}),
     ('index', 'sqlite_autoindex_plan_info_1', 'plan_info'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_apps_1', 'privacy_apps'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_practices_1', 'privacy_practices'): frozenset({''}),
     ('index', 'sqlite_autoindex_readiness_ratings_1', 'readiness_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_team_members_1', 'team_members'): frozenset({''}),
     ('table', 'alembic_version', 'alembic_version'): frozenset({'CREATE TABLE alembic_version(version_num '
                                                                 'VARCHAR(32)NOT NULL,CONSTRAINT '
                                                                 'alembic_version_pkc PRIMARY '
                                                                 'KEY(version_num))'}),
     ('table', 'approval', 'approval'): frozenset({'CREATE TABLE approval(id INTEGER NOT '
                                                   "NULL,superintendent_name TEXT DEFAULT '' NOT "
                                                   "NULL,superintendent_title TEXT DEFAULT '' NOT "
                                                   "NULL,board_president TEXT DEFAULT '' NOT "
                                                   "NULL,technology_director TEXT DEFAULT '' NOT "
                                                   'NULL,board_meeting_date DATE,CONSTRAINT pk_approval '
                                                   'PRIMARY KEY(id))'}),
     ('table', 'budget_lines', 'budget_lines'): frozenset({'CREATE TABLE budget_lines(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,description TEXT '
                                                           "DEFAULT '' NOT NULL,category TEXT DEFAULT '' NOT "
                                                           'NULL,goal_id VARCHAR,recurring BOOLEAN DEFAULT 0 '
                                                           'NOT NULL,unit_cost BIGINT DEFAULT 0 NOT '
                                                           'NULL,quantity INTEGER DEFAULT 0 NOT '
                                                           'NULL,first_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,last_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,funding_source_id VARCHAR,app_id '
                                                           'VARCHAR,CONSTRAINT pk_budget_lines PRIMARY '
                                                           'KEY(id),CONSTRAINT fk_budget_lines_goal_id_goals '
                                                           'FOREIGN KEY(goal_id)REFERENCES '
                                                           'goals(id),CONSTRAINT '
                                                           'fk_budget_lines_funding_source_id_funding_sources '
                                                           'FOREIGN KEY(funding_source_id)REFERENCES '
                                                           'funding_sources(id),CONSTRAINT '
                                                           'fk_budget_lines_app_id_privacy_apps FOREIGN '
                                                           'KEY(app_id)REFERENCES privacy_apps(id))'}),
     ('table', 'devices', 'devices'): frozenset({'CREATE TABLE devices(id VARCHAR NOT NULL,position INTEGER '
                                                 "NOT NULL,device_type TEXT DEFAULT '' NOT NULL,users TEXT "
                                                 "DEFAULT '' NOT NULL,count INTEGER DEFAULT 0 NOT "
                                                 'NULL,average_age_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,refresh_cycle_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,CONSTRAINT pk_devices PRIMARY KEY(id))'}),
     ('table', 'district', 'district'): frozenset({'CREATE TABLE district(id INTEGER NOT NULL,name TEXT '
                                                   "DEFAULT '' NOT NULL,state TEXT DEFAULT '' NOT "
                                                   'NULL,enrollment INTEGER DEFAULT 0 NOT NULL,schools '
                                                   'INTEGER DEFAULT 0 NOT NULL,staff INTEGER DEFAULT 0 NOT '
                                                   'NULL,teachers INTEGER DEFAULT 0 NOT NULL,summit_city '
                                                   "TEXT DEFAULT '' NOT NULL,summit_date "
                                                   'DATE,first_fiscal_year INTEGER DEFAULT 0 NOT '
                                                   'NULL,plan_years INTEGER DEFAULT 0 NOT NULL,CONSTRAINT '
                                                   'pk_district PRIMARY KEY(id))'}),
     ('table', 'edit_log', 'edit_log'): frozenset({'CREATE TABLE edit_log(id INTEGER NOT NULL,at DATETIME '
                                                   "NOT NULL,author TEXT DEFAULT '' NOT NULL,label TEXT "
                                                   "DEFAULT '' NOT NULL,edit TEXT NOT NULL,CONSTRAINT "
                                                   'pk_edit_log PRIMARY KEY(id))'}),
     ('table', 'funding_sources', 'funding_sources'): frozenset({'CREATE TABLE funding_sources(id VARCHAR '
                                                                 'NOT NULL,position INTEGER NOT NULL,name '
                                                                 "TEXT DEFAULT '' NOT NULL,kind TEXT DEFAULT "
                                                                 "'' NOT NULL,recurring BOOLEAN DEFAULT 0 "
                                                                 "NOT NULL,amounts_1 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_2 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_3 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_4 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_5 BIGINT DEFAULT '0' NOT "
                                                                 'NULL,CONSTRAINT pk_funding_sources PRIMARY '
                                                                 'KEY(id))'}),
     ('table', 'goal_actions', 'goal_actions'): frozenset({'CREATE TABLE goal_actions(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,goal_id '
                                                           "VARCHAR,text TEXT DEFAULT '' NOT NULL,owner TEXT "
                                                           "DEFAULT '' NOT NULL,due_date DATE,status TEXT "
                                                           "DEFAULT '' NOT NULL,CONSTRAINT pk_goal_actions "
                                                           'PRIMARY KEY(id),CONSTRAINT '
                                                           'fk_goal_actions_goal_id_goals FOREIGN '
                                                           'KEY(goal_id)REFERENCES goals(id)ON DELETE '
                                                           'CASCADE)'}),
     ('table', 'goals', 'goals'): frozenset({'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT '' NOT NULL,description TEXT DEFAULT "
                                             "'' NOT NULL,gear TEXT DEFAULT '' NOT NULL,iste_conditions TEXT "
                                             "DEFAULT '[]' NOT NULL,erate_elements TEXT DEFAULT '[]' NOT "
                                             "NULL,measure TEXT DEFAULT '' NOT NULL,baseline TEXT DEFAULT '' "
                                             "NOT NULL,target TEXT DEFAULT '' NOT NULL,owner TEXT DEFAULT '' "
                                             'NOT NULL,due_date DATE,CONSTRAINT pk_goals PRIMARY KEY(id))',
                                             'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT('')NOT NULL,description TEXT "
                                             "DEFAULT('')NOT NULL,gear TEXT DEFAULT('')NOT "
                                             "NULL,iste_conditions TEXT DEFAULT '[]' NOT NULL,erate_elements "
                                             "TEXT DEFAULT '[]' NOT NULL,measure TEXT DEFAULT('')NOT "
                                             "NULL,baseline TEXT DEFAULT('')NOT NULL,target TEXT "
                                             "DEFAULT('')NOT NULL,owner TEXT DEFAULT('')NOT NULL,due_date "
                                             'DATE,CONSTRAINT pk_goals PRIMARY KEY(id))'}),
     ('table', 'learning_activities', 'learning_activities'): frozenset({'CREATE TABLE '
                                                                         'learning_activities(id VARCHAR NOT '
                                                                         'NULL,position INTEGER NOT '
                                                                         "NULL,title TEXT DEFAULT '' NOT "
                                                                         "NULL,component TEXT DEFAULT '' NOT "
                                                                         "NULL,audience TEXT DEFAULT '' NOT "
                                                                         'NULL,participants INTEGER DEFAULT '
                                                                         '0 NOT NULL,hours BIGINT DEFAULT 0 '
                                                                         "NOT NULL,format TEXT DEFAULT '' "
                                                                         'NOT NULL,start_date DATE,end_date '
                                                                         "DATE,goal_ids TEXT DEFAULT '[]' "
                                                                         'NOT NULL,CONSTRAINT '
                                                                         'pk_learning_activities PRIMARY '
                                                                         'KEY(id))'}),
     ('table', 'member_ratings', 'member_ratings'): frozenset({'CREATE TABLE member_ratings(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,element_id '
                                                               "TEXT DEFAULT '' NOT NULL,member_id "
                                                               'VARCHAR,score INTEGER,CONSTRAINT '
                                                               'pk_member_ratings PRIMARY KEY(id),CONSTRAINT '
                                                               'fk_member_ratings_member_id_team_members '
                                                               'FOREIGN KEY(member_id)REFERENCES '
                                                               'team_members(id)ON DELETE CASCADE)'}),
     ('table', 'milestones', 'milestones'): frozenset({'CREATE TABLE milestones(id VARCHAR NOT NULL,position '
                                                       "INTEGER NOT NULL,title TEXT DEFAULT '' NOT "
                                                       "NULL,due_date DATE,owner TEXT DEFAULT '' NOT "
                                                       "NULL,status TEXT DEFAULT '' NOT NULL,goal_ids TEXT "
                                                       "DEFAULT '[]' NOT NULL,CONSTRAINT pk_milestones "
                                                       'PRIMARY KEY(id))'}),
     ('table', 'network', 'network'): frozenset({'CREATE TABLE network(id INTEGER NOT NULL,internet_mbps '
                                                 'INTEGER DEFAULT 0 NOT NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,wifi_coverage_percent INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_mbps_per_1000 INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,support_technicians INTEGER DEFAULT 0 NOT NULL,notes '
                                                 "TEXT DEFAULT '' NOT NULL,CONSTRAINT pk_network PRIMARY "
                                                 'KEY(id))'}),
     ('table', 'plan_info', 'plan_info'): frozenset({'CREATE TABLE plan_info(key VARCHAR NOT NULL,value TEXT '
                                                     'NOT NULL,CONSTRAINT pk_plan_info PRIMARY KEY(key))'}),
     ('table', 'privacy_apps', 'privacy_apps'): frozenset({'CREATE TABLE privacy_apps(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,vendor TEXT DEFAULT '' NOT "
                                                           "NULL,purpose TEXT DEFAULT '' NOT NULL,audience "
                                                           "TEXT DEFAULT '[]' NOT NULL,data_categories TEXT "
                                                           "DEFAULT '[]' NOT NULL,agreement_status TEXT "
                                                           "DEFAULT '' NOT NULL,agreement_date "
                                                           "DATE,consent_route TEXT DEFAULT '' NOT "
                                                           "NULL,retention TEXT DEFAULT '' NOT NULL,approval "
                                                           "TEXT DEFAULT '' NOT NULL,CONSTRAINT "
                                                           'pk_privacy_apps PRIMARY KEY(id))'}),
     ('table', 'privacy_practices', 'privacy_practices'): frozenset({'CREATE TABLE privacy_practices(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,rating INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,CONSTRAINT "
                                                                     'pk_privacy_practices PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'readiness_ratings', 'readiness_ratings'): frozenset({'CREATE TABLE readiness_ratings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,score INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,revealed BOOLEAN DEFAULT 0 "
                                                                     'NOT NULL,CONSTRAINT '
                                                                     'pk_readiness_ratings PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'signature', 'signature'): frozenset({'CREATE TABLE signature(id INTEGER NOT NULL,fingerprint '
                                                     "TEXT DEFAULT '' NOT NULL,signed_at DATETIME,CONSTRAINT "
                                                     'pk_signature PRIMARY KEY(id))'}),
     ('table', 'team_members', 'team_members'): frozenset({'CREATE TABLE team_members(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,role TEXT DEFAULT '' NOT NULL,title "
                                                           "TEXT DEFAULT '' NOT NULL,email TEXT DEFAULT '' "
                                                           'NOT NULL,CONSTRAINT pk_team_members PRIMARY '
                                                           'KEY(id))'}),
     ('table', 'vision', 'vision'): frozenset({'CREATE TABLE vision(id INTEGER NOT NULL,statement TEXT '
                                               "DEFAULT '' NOT NULL,CONSTRAINT pk_vision PRIMARY KEY(id))"})},
 3: {('index', 'sqlite_autoindex_alembic_version_1', 'alembic_version'): frozenset({''}),
     ('index', 'sqlite_autoindex_budget_lines_1', 'budget_lines'): frozenset({''}),
     ('index', 'sqlite_autoindex_devices_1', 'devices'): frozenset({''}),
     ('index', 'sqlite_autoindex_funding_sources_1', 'funding_sources'): frozenset({''}),
     ('index', 'sqlite_autoindex_goal_actions_1', 'goal_actions'): frozenset({''}),
     ('index', 'sqlite_autoindex_goals_1', 'goals'): frozenset({''}),
     ('index', 'sqlite_autoindex_learning_activities_1', 'learning_activities'): frozenset({''}),
     ('index', 'sqlite_autoindex_member_ratings_1', 'member_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_milestones_1', 'milestones'): frozenset({''}),
     ('index', 'sqlite_autoindex_plan_info_1', 'plan_info'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_apps_1', 'privacy_apps'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_practices_1', 'privacy_practices'): frozenset({''}),
     ('index', 'sqlite_autoindex_readiness_ratings_1', 'readiness_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_team_members_1', 'team_members'): frozenset({''}),
     ('table', 'alembic_version', 'alembic_version'): frozenset({'CREATE TABLE alembic_version(version_num '
                                                                 'VARCHAR(32)NOT NULL,CONSTRAINT '
                                                                 'alembic_version_pkc PRIMARY '
                                                                 'KEY(version_num))'}),
     ('table', 'approval', 'approval'): frozenset({'CREATE TABLE approval(id INTEGER NOT '
                                                   "NULL,superintendent_name TEXT DEFAULT '' NOT "
                                                   "NULL,superintendent_title TEXT DEFAULT '' NOT "
                                                   "NULL,board_president TEXT DEFAULT '' NOT "
                                                   "NULL,technology_director TEXT DEFAULT '' NOT "
                                                   'NULL,board_meeting_date DATE,CONSTRAINT pk_approval '
                                                   'PRIMARY KEY(id))'}),
     ('table', 'budget_lines', 'budget_lines'): frozenset({'CREATE TABLE budget_lines(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,description TEXT '
                                                           "DEFAULT '' NOT NULL,category TEXT DEFAULT '' NOT "
                                                           'NULL,goal_id VARCHAR,recurring BOOLEAN DEFAULT 0 '
                                                           'NOT NULL,unit_cost BIGINT DEFAULT 0 NOT '
                                                           'NULL,quantity INTEGER DEFAULT 0 NOT '
                                                           'NULL,first_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,last_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,funding_source_id VARCHAR,app_id '
                                                           'VARCHAR,CONSTRAINT pk_budget_lines PRIMARY '
                                                           'KEY(id),CONSTRAINT fk_budget_lines_goal_id_goals '
                                                           'FOREIGN KEY(goal_id)REFERENCES '
                                                           'goals(id),CONSTRAINT '
                                                           'fk_budget_lines_funding_source_id_funding_sources '
                                                           'FOREIGN KEY(funding_source_id)REFERENCES '
                                                           'funding_sources(id),CONSTRAINT '
                                                           'fk_budget_lines_app_id_privacy_apps FOREIGN '
                                                           'KEY(app_id)REFERENCES privacy_apps(id))'}),
     ('table', 'devices', 'devices'): frozenset({'CREATE TABLE devices(id VARCHAR NOT NULL,position INTEGER '
                                                 "NOT NULL,device_type TEXT DEFAULT '' NOT NULL,users TEXT "
                                                 "DEFAULT '' NOT NULL,count INTEGER DEFAULT 0 NOT "
                                                 'NULL,average_age_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,refresh_cycle_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,CONSTRAINT pk_devices PRIMARY KEY(id))'}),
     ('table', 'district', 'district'): frozenset({'CREATE TABLE district(id INTEGER NOT NULL,name TEXT '
                                                   "DEFAULT '' NOT NULL,state TEXT DEFAULT '' NOT "
                                                   'NULL,enrollment INTEGER DEFAULT 0 NOT NULL,schools '
                                                   'INTEGER DEFAULT 0 NOT NULL,staff INTEGER DEFAULT 0 NOT '
                                                   'NULL,teachers INTEGER DEFAULT 0 NOT NULL,summit_city '
                                                   "TEXT DEFAULT '' NOT NULL,summit_date "
                                                   'DATE,first_fiscal_year INTEGER DEFAULT 0 NOT '
                                                   'NULL,plan_years INTEGER DEFAULT 0 NOT NULL,CONSTRAINT '
                                                   'pk_district PRIMARY KEY(id))'}),
     ('table', 'edit_log', 'edit_log'): frozenset({'CREATE TABLE edit_log(id INTEGER NOT NULL,at DATETIME '
                                                   "NOT NULL,author TEXT DEFAULT '' NOT NULL,label TEXT "
                                                   "DEFAULT '' NOT NULL,edit TEXT NOT NULL,CONSTRAINT "
                                                   'pk_edit_log PRIMARY KEY(id))'}),
     ('table', 'funding_sources', 'funding_sources'): frozenset({'CREATE TABLE funding_sources(id VARCHAR '
                                                                 'NOT NULL,position INTEGER NOT NULL,name '
                                                                 "TEXT DEFAULT '' NOT NULL,kind TEXT DEFAULT "
                                                                 "'' NOT NULL,recurring BOOLEAN DEFAULT 0 "
                                                                 "NOT NULL,amounts_1 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_2 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_3 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_4 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_5 BIGINT DEFAULT '0' NOT "
                                                                 'NULL,CONSTRAINT pk_funding_sources PRIMARY '
                                                                 'KEY(id))'}),
     ('table', 'goal_actions', 'goal_actions'): frozenset({'CREATE TABLE goal_actions(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,goal_id '
                                                           "VARCHAR,text TEXT DEFAULT '' NOT NULL,owner TEXT "
                                                           "DEFAULT '' NOT NULL,due_date DATE,status TEXT "
                                                           "DEFAULT '' NOT NULL,CONSTRAINT pk_goal_actions "
                                                           'PRIMARY KEY(id),CONSTRAINT '
                                                           'fk_goal_actions_goal_id_goals FOREIGN '
                                                           'KEY(goal_id)REFERENCES goals(id)ON DELETE '
                                                           'CASCADE)'}),
     ('table', 'goals', 'goals'): frozenset({'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT '' NOT NULL,description TEXT DEFAULT "
                                             "'' NOT NULL,gear TEXT DEFAULT '' NOT NULL,iste_conditions TEXT "
                                             "DEFAULT '[]' NOT NULL,erate_elements TEXT DEFAULT '[]' NOT "
                                             "NULL,measure TEXT DEFAULT '' NOT NULL,baseline TEXT DEFAULT '' "
                                             "NOT NULL,target TEXT DEFAULT '' NOT NULL,owner TEXT DEFAULT '' "
                                             'NOT NULL,due_date DATE,priority INTEGER,CONSTRAINT pk_goals '
                                             'PRIMARY KEY(id))',
                                             'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT('')NOT NULL,description TEXT "
                                             "DEFAULT('')NOT NULL,gear TEXT DEFAULT('')NOT "
                                             "NULL,iste_conditions TEXT DEFAULT '[]' NOT NULL,erate_elements "
                                             "TEXT DEFAULT '[]' NOT NULL,measure TEXT DEFAULT('')NOT "
                                             "NULL,baseline TEXT DEFAULT('')NOT NULL,target TEXT "
                                             "DEFAULT('')NOT NULL,owner TEXT DEFAULT('')NOT NULL,due_date "
                                             'DATE,priority INTEGER,CONSTRAINT pk_goals PRIMARY KEY(id))'}),
     ('table', 'learning_activities', 'learning_activities'): frozenset({'CREATE TABLE '
                                                                         'learning_activities(id VARCHAR NOT '
                                                                         'NULL,position INTEGER NOT '
                                                                         "NULL,title TEXT DEFAULT '' NOT "
                                                                         "NULL,component TEXT DEFAULT '' NOT "
                                                                         "NULL,audience TEXT DEFAULT '' NOT "
                                                                         'NULL,participants INTEGER DEFAULT '
                                                                         '0 NOT NULL,hours BIGINT DEFAULT 0 '
                                                                         "NOT NULL,format TEXT DEFAULT '' "
                                                                         'NOT NULL,start_date DATE,end_date '
                                                                         "DATE,goal_ids TEXT DEFAULT '[]' "
                                                                         'NOT NULL,CONSTRAINT '
                                                                         'pk_learning_activities PRIMARY '
                                                                         'KEY(id))'}),
     ('table', 'member_ratings', 'member_ratings'): frozenset({'CREATE TABLE member_ratings(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,element_id '
                                                               "TEXT DEFAULT '' NOT NULL,member_id "
                                                               'VARCHAR,score INTEGER,CONSTRAINT '
                                                               'pk_member_ratings PRIMARY KEY(id),CONSTRAINT '
                                                               'fk_member_ratings_member_id_team_members '
                                                               'FOREIGN KEY(member_id)REFERENCES '
                                                               'team_members(id)ON DELETE CASCADE)'}),
     ('table', 'milestones', 'milestones'): frozenset({'CREATE TABLE milestones(id VARCHAR NOT NULL,position '
                                                       "INTEGER NOT NULL,title TEXT DEFAULT '' NOT "
                                                       "NULL,due_date DATE,owner TEXT DEFAULT '' NOT "
                                                       "NULL,status TEXT DEFAULT '' NOT NULL,goal_ids TEXT "
                                                       "DEFAULT '[]' NOT NULL,CONSTRAINT pk_milestones "
                                                       'PRIMARY KEY(id))'}),
     ('table', 'network', 'network'): frozenset({'CREATE TABLE network(id INTEGER NOT NULL,internet_mbps '
                                                 'INTEGER DEFAULT 0 NOT NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,wifi_coverage_percent INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_mbps_per_1000 INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,support_technicians INTEGER DEFAULT 0 NOT NULL,notes '
                                                 "TEXT DEFAULT '' NOT NULL,CONSTRAINT pk_network PRIMARY "
                                                 'KEY(id))'}),
     ('table', 'plan_info', 'plan_info'): frozenset({'CREATE TABLE plan_info(key VARCHAR NOT NULL,value TEXT '
                                                     'NOT NULL,CONSTRAINT pk_plan_info PRIMARY KEY(key))'}),
     ('table', 'privacy_apps', 'privacy_apps'): frozenset({'CREATE TABLE privacy_apps(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,vendor TEXT DEFAULT '' NOT "
                                                           "NULL,purpose TEXT DEFAULT '' NOT NULL,audience "
                                                           "TEXT DEFAULT '[]' NOT NULL,data_categories TEXT "
                                                           "DEFAULT '[]' NOT NULL,agreement_status TEXT "
                                                           "DEFAULT '' NOT NULL,agreement_date "
                                                           "DATE,consent_route TEXT DEFAULT '' NOT "
                                                           "NULL,retention TEXT DEFAULT '' NOT NULL,approval "
                                                           "TEXT DEFAULT '' NOT NULL,CONSTRAINT "
                                                           'pk_privacy_apps PRIMARY KEY(id))'}),
     ('table', 'privacy_practices', 'privacy_practices'): frozenset({'CREATE TABLE privacy_practices(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,rating INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,CONSTRAINT "
                                                                     'pk_privacy_practices PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'readiness_ratings', 'readiness_ratings'): frozenset({'CREATE TABLE readiness_ratings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,score INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,revealed BOOLEAN DEFAULT 0 "
                                                                     'NOT NULL,CONSTRAINT '
                                                                     'pk_readiness_ratings PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'signature', 'signature'): frozenset({'CREATE TABLE signature(id INTEGER NOT NULL,fingerprint '
                                                     "TEXT DEFAULT '' NOT NULL,signed_at DATETIME,CONSTRAINT "
                                                     'pk_signature PRIMARY KEY(id))'}),
     ('table', 'team_members', 'team_members'): frozenset({'CREATE TABLE team_members(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,role TEXT DEFAULT '' NOT NULL,title "
                                                           "TEXT DEFAULT '' NOT NULL,email TEXT DEFAULT '' "
                                                           'NOT NULL,CONSTRAINT pk_team_members PRIMARY '
                                                           'KEY(id))'}),
     ('table', 'vision', 'vision'): frozenset({'CREATE TABLE vision(id INTEGER NOT NULL,statement TEXT '
                                               "DEFAULT '' NOT NULL,CONSTRAINT pk_vision PRIMARY KEY(id))"})},
 4: {('index', 'sqlite_autoindex_accepted_findings_1', 'accepted_findings'): frozenset({''}),
     ('index', 'sqlite_autoindex_alembic_version_1', 'alembic_version'): frozenset({''}),
     ('index', 'sqlite_autoindex_budget_lines_1', 'budget_lines'): frozenset({''}),
     ('index', 'sqlite_autoindex_devices_1', 'devices'): frozenset({''}),
     ('index', 'sqlite_autoindex_funding_sources_1', 'funding_sources'): frozenset({''}),
     ('index', 'sqlite_autoindex_goal_actions_1', 'goal_actions'): frozenset({''}),
     ('index', 'sqlite_autoindex_goals_1', 'goals'): frozenset({''}),
     ('index', 'sqlite_autoindex_learning_activities_1', 'learning_activities'): frozenset({''}),
     ('index', 'sqlite_autoindex_member_ratings_1', 'member_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_milestones_1', 'milestones'): frozenset({''}),
     ('index', 'sqlite_autoindex_network_upgrades_1', 'network_upgrades'): frozenset({''}),
     ('index', 'sqlite_autoindex_plan_info_1', 'plan_info'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_apps_1', 'privacy_apps'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_practices_1', 'privacy_practices'): frozenset({''}),
     ('index', 'sqlite_autoindex_readiness_ratings_1', 'readiness_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_team_members_1', 'team_members'): frozenset({''}),
     ('table', 'accepted_findings', 'accepted_findings'): frozenset({'CREATE TABLE accepted_findings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     "NULL,rule TEXT DEFAULT '' NOT "
                                                                     "NULL,item_id TEXT DEFAULT '' NOT "
                                                                     "NULL,basis TEXT DEFAULT '' NOT "
                                                                     "NULL,reason TEXT DEFAULT '' NOT "
                                                                     "NULL,role TEXT DEFAULT '' NOT "
                                                                     'NULL,CONSTRAINT pk_accepted_findings '
                                                                     'PRIMARY KEY(id))',
                                                                     'CREATE TABLE accepted_findings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     "NULL,rule TEXT DEFAULT('')NOT "
                                                                     "NULL,item_id TEXT DEFAULT('')NOT "
                                                                     "NULL,basis TEXT DEFAULT('')NOT "
                                                                     "NULL,reason TEXT DEFAULT('')NOT "
                                                                     "NULL,role TEXT DEFAULT('')NOT "
                                                                     'NULL,CONSTRAINT pk_accepted_findings '
                                                                     'PRIMARY KEY(id))'}),
     ('table', 'alembic_version', 'alembic_version'): frozenset({'CREATE TABLE alembic_version(version_num '
                                                                 'VARCHAR(32)NOT NULL,CONSTRAINT '
                                                                 'alembic_version_pkc PRIMARY '
                                                                 'KEY(version_num))'}),
     ('table', 'approval', 'approval'): frozenset({'CREATE TABLE approval(id INTEGER NOT '
                                                   "NULL,superintendent_name TEXT DEFAULT '' NOT "
                                                   "NULL,superintendent_title TEXT DEFAULT '' NOT "
                                                   "NULL,board_president TEXT DEFAULT '' NOT "
                                                   "NULL,technology_director TEXT DEFAULT '' NOT "
                                                   'NULL,board_meeting_date DATE,CONSTRAINT pk_approval '
                                                   'PRIMARY KEY(id))'}),
     ('table', 'budget_lines', 'budget_lines'): frozenset({'CREATE TABLE budget_lines(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,description TEXT '
                                                           "DEFAULT '' NOT NULL,category TEXT DEFAULT '' NOT "
                                                           'NULL,goal_id VARCHAR,recurring BOOLEAN DEFAULT 0 '
                                                           'NOT NULL,unit_cost BIGINT DEFAULT 0 NOT '
                                                           'NULL,quantity INTEGER DEFAULT 0 NOT '
                                                           'NULL,first_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,last_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,funding_source_id VARCHAR,app_id '
                                                           "VARCHAR,device_type TEXT DEFAULT '' NOT "
                                                           "NULL,device_users TEXT DEFAULT '' NOT "
                                                           'NULL,replaces_devices BOOLEAN DEFAULT 0 NOT '
                                                           'NULL,delivery_date DATE,erate_category TEXT '
                                                           "DEFAULT '' NOT NULL,match_source_id "
                                                           'VARCHAR,CONSTRAINT pk_budget_lines PRIMARY '
                                                           'KEY(id),CONSTRAINT fk_budget_lines_goal_id_goals '
                                                           'FOREIGN KEY(goal_id)REFERENCES '
                                                           'goals(id),CONSTRAINT '
                                                           'fk_budget_lines_funding_source_id_funding_sources '
                                                           'FOREIGN KEY(funding_source_id)REFERENCES '
                                                           'funding_sources(id),CONSTRAINT '
                                                           'fk_budget_lines_app_id_privacy_apps FOREIGN '
                                                           'KEY(app_id)REFERENCES '
                                                           'privacy_apps(id),CONSTRAINT '
                                                           'fk_budget_lines_match_source_id_funding_sources '
                                                           'FOREIGN KEY(match_source_id)REFERENCES '
                                                           'funding_sources(id))'}),
     ('table', 'devices', 'devices'): frozenset({'CREATE TABLE devices(id VARCHAR NOT NULL,position INTEGER '
                                                 "NOT NULL,device_type TEXT DEFAULT '' NOT NULL,users TEXT "
                                                 "DEFAULT '' NOT NULL,count INTEGER DEFAULT 0 NOT "
                                                 'NULL,average_age_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,refresh_cycle_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,CONSTRAINT pk_devices PRIMARY KEY(id))'}),
     ('table', 'district', 'district'): frozenset({'CREATE TABLE district(id INTEGER NOT NULL,name TEXT '
                                                   "DEFAULT '' NOT NULL,state TEXT DEFAULT '' NOT "
                                                   'NULL,enrollment INTEGER DEFAULT 0 NOT NULL,schools '
                                                   'INTEGER DEFAULT 0 NOT NULL,staff INTEGER DEFAULT 0 NOT '
                                                   'NULL,teachers INTEGER DEFAULT 0 NOT NULL,summit_city '
                                                   "TEXT DEFAULT '' NOT NULL,summit_date "
                                                   'DATE,first_fiscal_year INTEGER DEFAULT 0 NOT '
                                                   'NULL,plan_years INTEGER DEFAULT 0 NOT '
                                                   'NULL,erate_discount_percent INTEGER DEFAULT 0 NOT '
                                                   'NULL,CONSTRAINT pk_district PRIMARY KEY(id))',
                                                   'CREATE TABLE district(id INTEGER NOT NULL,name TEXT '
                                                   "DEFAULT('')NOT NULL,state TEXT DEFAULT('')NOT "
                                                   'NULL,enrollment INTEGER DEFAULT 0 NOT NULL,schools '
                                                   'INTEGER DEFAULT 0 NOT NULL,staff INTEGER DEFAULT 0 NOT '
                                                   'NULL,teachers INTEGER DEFAULT 0 NOT NULL,summit_city '
                                                   "TEXT DEFAULT('')NOT NULL,summit_date "
                                                   'DATE,first_fiscal_year INTEGER DEFAULT 0 NOT '
                                                   'NULL,plan_years INTEGER DEFAULT 0 NOT '
                                                   'NULL,erate_discount_percent INTEGER DEFAULT 0 NOT '
                                                   'NULL,CONSTRAINT pk_district PRIMARY KEY(id))'}),
     ('table', 'edit_log', 'edit_log'): frozenset({'CREATE TABLE edit_log(id INTEGER NOT NULL,at DATETIME '
                                                   "NOT NULL,author TEXT DEFAULT '' NOT NULL,label TEXT "
                                                   "DEFAULT '' NOT NULL,edit TEXT NOT NULL,CONSTRAINT "
                                                   'pk_edit_log PRIMARY KEY(id))'}),
     ('table', 'funding_sources', 'funding_sources'): frozenset({'CREATE TABLE funding_sources(id VARCHAR '
                                                                 'NOT NULL,position INTEGER NOT NULL,name '
                                                                 "TEXT DEFAULT '' NOT NULL,kind TEXT DEFAULT "
                                                                 "'' NOT NULL,recurring BOOLEAN DEFAULT 0 "
                                                                 "NOT NULL,amounts_1 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_2 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_3 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_4 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_5 BIGINT DEFAULT '0' NOT "
                                                                 'NULL,CONSTRAINT pk_funding_sources PRIMARY '
                                                                 'KEY(id))'}),
     ('table', 'goal_actions', 'goal_actions'): frozenset({'CREATE TABLE goal_actions(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,goal_id '
                                                           "VARCHAR,text TEXT DEFAULT '' NOT NULL,owner TEXT "
                                                           "DEFAULT '' NOT NULL,due_date DATE,status TEXT "
                                                           "DEFAULT '' NOT NULL,CONSTRAINT pk_goal_actions "
                                                           'PRIMARY KEY(id),CONSTRAINT '
                                                           'fk_goal_actions_goal_id_goals FOREIGN '
                                                           'KEY(goal_id)REFERENCES goals(id)ON DELETE '
                                                           'CASCADE)'}),
     ('table', 'goals', 'goals'): frozenset({'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT '' NOT NULL,description TEXT DEFAULT "
                                             "'' NOT NULL,gear TEXT DEFAULT '' NOT NULL,iste_conditions TEXT "
                                             "DEFAULT '[]' NOT NULL,erate_elements TEXT DEFAULT '[]' NOT "
                                             "NULL,measure TEXT DEFAULT '' NOT NULL,baseline TEXT DEFAULT '' "
                                             "NOT NULL,target TEXT DEFAULT '' NOT NULL,owner TEXT DEFAULT '' "
                                             'NOT NULL,due_date DATE,priority INTEGER,CONSTRAINT pk_goals '
                                             'PRIMARY KEY(id))',
                                             'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT('')NOT NULL,description TEXT "
                                             "DEFAULT('')NOT NULL,gear TEXT DEFAULT('')NOT "
                                             "NULL,iste_conditions TEXT DEFAULT '[]' NOT NULL,erate_elements "
                                             "TEXT DEFAULT '[]' NOT NULL,measure TEXT DEFAULT('')NOT "
                                             "NULL,baseline TEXT DEFAULT('')NOT NULL,target TEXT "
                                             "DEFAULT('')NOT NULL,owner TEXT DEFAULT('')NOT NULL,due_date "
                                             'DATE,priority INTEGER,CONSTRAINT pk_goals PRIMARY KEY(id))'}),
     ('table', 'learning_activities', 'learning_activities'): frozenset({'CREATE TABLE '
                                                                         'learning_activities(id VARCHAR NOT '
                                                                         'NULL,position INTEGER NOT '
                                                                         "NULL,title TEXT DEFAULT '' NOT "
                                                                         "NULL,component TEXT DEFAULT '' NOT "
                                                                         "NULL,audience TEXT DEFAULT '' NOT "
                                                                         'NULL,participants INTEGER DEFAULT '
                                                                         '0 NOT NULL,hours BIGINT DEFAULT 0 '
                                                                         "NOT NULL,format TEXT DEFAULT '' "
                                                                         'NOT NULL,start_date DATE,end_date '
                                                                         "DATE,goal_ids TEXT DEFAULT '[]' "
                                                                         "NOT NULL,purpose TEXT DEFAULT '' "
                                                                         'NOT NULL,CONSTRAINT '
                                                                         'pk_learning_activities PRIMARY '
                                                                         'KEY(id))',
                                                                         'CREATE TABLE '
                                                                         'learning_activities(id VARCHAR NOT '
                                                                         'NULL,position INTEGER NOT '
                                                                         "NULL,title TEXT DEFAULT('')NOT "
                                                                         "NULL,component TEXT DEFAULT('')NOT "
                                                                         "NULL,audience TEXT DEFAULT('')NOT "
                                                                         'NULL,participants INTEGER DEFAULT '
                                                                         '0 NOT NULL,hours BIGINT DEFAULT 0 '
                                                                         'NOT NULL,format TEXT '
                                                                         "DEFAULT('')NOT NULL,start_date "
                                                                         'DATE,end_date DATE,goal_ids TEXT '
                                                                         "DEFAULT '[]' NOT NULL,purpose TEXT "
                                                                         "DEFAULT('')NOT NULL,CONSTRAINT "
                                                                         'pk_learning_activities PRIMARY '
                                                                         'KEY(id))'}),
     ('table', 'member_ratings', 'member_ratings'): frozenset({'CREATE TABLE member_ratings(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,element_id '
                                                               "TEXT DEFAULT '' NOT NULL,member_id "
                                                               'VARCHAR,score INTEGER,CONSTRAINT '
                                                               'pk_member_ratings PRIMARY KEY(id),CONSTRAINT '
                                                               'fk_member_ratings_member_id_team_members '
                                                               'FOREIGN KEY(member_id)REFERENCES '
                                                               'team_members(id)ON DELETE CASCADE)'}),
     ('table', 'milestones', 'milestones'): frozenset({'CREATE TABLE milestones(id VARCHAR NOT NULL,position '
                                                       "INTEGER NOT NULL,title TEXT DEFAULT '' NOT "
                                                       "NULL,due_date DATE,owner TEXT DEFAULT '' NOT "
                                                       "NULL,status TEXT DEFAULT '' NOT NULL,goal_ids TEXT "
                                                       "DEFAULT '[]' NOT NULL,kind TEXT DEFAULT '' NOT "
                                                       'NULL,CONSTRAINT pk_milestones PRIMARY KEY(id))',
                                                       'CREATE TABLE milestones(id VARCHAR NOT NULL,position '
                                                       "INTEGER NOT NULL,title TEXT DEFAULT('')NOT "
                                                       "NULL,due_date DATE,owner TEXT DEFAULT('')NOT "
                                                       "NULL,status TEXT DEFAULT('')NOT NULL,goal_ids TEXT "
                                                       "DEFAULT '[]' NOT NULL,kind TEXT DEFAULT('')NOT "
                                                       'NULL,CONSTRAINT pk_milestones PRIMARY KEY(id))'}),
     ('table', 'network', 'network'): frozenset({'CREATE TABLE network(id INTEGER NOT NULL,internet_mbps '
                                                 'INTEGER DEFAULT 0 NOT NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,wifi_coverage_percent INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_mbps_per_1000 INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,support_technicians INTEGER DEFAULT 0 NOT '
                                                 'NULL,cipa_in_place BOOLEAN DEFAULT 0 NOT NULL,notes TEXT '
                                                 "DEFAULT '' NOT NULL,CONSTRAINT pk_network PRIMARY KEY(id))",
                                                 'CREATE TABLE network(id INTEGER NOT NULL,internet_mbps '
                                                 'INTEGER DEFAULT 0 NOT NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,wifi_coverage_percent INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_mbps_per_1000 INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,support_technicians INTEGER DEFAULT 0 NOT '
                                                 'NULL,cipa_in_place BOOLEAN DEFAULT 0 NOT NULL,notes TEXT '
                                                 "DEFAULT('')NOT NULL,CONSTRAINT pk_network PRIMARY "
                                                 'KEY(id))'}),
     ('table', 'network_upgrades', 'network_upgrades'): frozenset({'CREATE TABLE network_upgrades(id VARCHAR '
                                                                   'NOT NULL,position INTEGER NOT NULL,title '
                                                                   "TEXT DEFAULT '' NOT NULL,effective_date "
                                                                   'DATE,internet_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wifi_coverage_percent INTEGER '
                                                                   'DEFAULT 0 NOT NULL,budget_line_ids TEXT '
                                                                   "DEFAULT '[]' NOT NULL,CONSTRAINT "
                                                                   'pk_network_upgrades PRIMARY KEY(id))',
                                                                   'CREATE TABLE network_upgrades(id VARCHAR '
                                                                   'NOT NULL,position INTEGER NOT NULL,title '
                                                                   "TEXT DEFAULT('')NOT NULL,effective_date "
                                                                   'DATE,internet_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wifi_coverage_percent INTEGER '
                                                                   'DEFAULT 0 NOT NULL,budget_line_ids TEXT '
                                                                   "DEFAULT '[]' NOT NULL,CONSTRAINT "
                                                                   'pk_network_upgrades PRIMARY KEY(id))'}),
     ('table', 'plan_info', 'plan_info'): frozenset({'CREATE TABLE plan_info(key VARCHAR NOT NULL,value TEXT '
                                                     'NOT NULL,CONSTRAINT pk_plan_info PRIMARY KEY(key))'}),
     ('table', 'privacy_apps', 'privacy_apps'): frozenset({'CREATE TABLE privacy_apps(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,vendor TEXT DEFAULT '' NOT "
                                                           "NULL,purpose TEXT DEFAULT '' NOT NULL,audience "
                                                           "TEXT DEFAULT '[]' NOT NULL,data_categories TEXT "
                                                           "DEFAULT '[]' NOT NULL,agreement_status TEXT "
                                                           "DEFAULT '' NOT NULL,agreement_date "
                                                           "DATE,consent_route TEXT DEFAULT '' NOT "
                                                           "NULL,retention TEXT DEFAULT '' NOT NULL,approval "
                                                           "TEXT DEFAULT '' NOT NULL,CONSTRAINT "
                                                           'pk_privacy_apps PRIMARY KEY(id))'}),
     ('table', 'privacy_practices', 'privacy_practices'): frozenset({'CREATE TABLE privacy_practices(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,rating INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,CONSTRAINT "
                                                                     'pk_privacy_practices PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'readiness_ratings', 'readiness_ratings'): frozenset({'CREATE TABLE readiness_ratings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,score INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,revealed BOOLEAN DEFAULT 0 "
                                                                     'NOT NULL,CONSTRAINT '
                                                                     'pk_readiness_ratings PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'signature', 'signature'): frozenset({'CREATE TABLE signature(id INTEGER NOT NULL,fingerprint '
                                                     "TEXT DEFAULT '' NOT NULL,signed_at DATETIME,CONSTRAINT "
                                                     'pk_signature PRIMARY KEY(id))'}),
     ('table', 'team_members', 'team_members'): frozenset({'CREATE TABLE team_members(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,role TEXT DEFAULT '' NOT NULL,title "
                                                           "TEXT DEFAULT '' NOT NULL,email TEXT DEFAULT '' "
                                                           'NOT NULL,CONSTRAINT pk_team_members PRIMARY '
                                                           'KEY(id))'}),
     ('table', 'vision', 'vision'): frozenset({'CREATE TABLE vision(id INTEGER NOT NULL,statement TEXT '
                                               "DEFAULT '' NOT NULL,CONSTRAINT pk_vision PRIMARY KEY(id))"})},
 5: {('index', 'sqlite_autoindex_accepted_findings_1', 'accepted_findings'): frozenset({''}),
     ('index', 'sqlite_autoindex_alembic_version_1', 'alembic_version'): frozenset({''}),
     ('index', 'sqlite_autoindex_budget_lines_1', 'budget_lines'): frozenset({''}),
     ('index', 'sqlite_autoindex_communications_1', 'communications'): frozenset({''}),
     ('index', 'sqlite_autoindex_devices_1', 'devices'): frozenset({''}),
     ('index', 'sqlite_autoindex_funding_sources_1', 'funding_sources'): frozenset({''}),
     ('index', 'sqlite_autoindex_goal_actions_1', 'goal_actions'): frozenset({''}),
     ('index', 'sqlite_autoindex_goals_1', 'goals'): frozenset({''}),
     ('index', 'sqlite_autoindex_learning_activities_1', 'learning_activities'): frozenset({''}),
     ('index', 'sqlite_autoindex_lighthouse_schools_1', 'lighthouse_schools'): frozenset({''}),
     ('index', 'sqlite_autoindex_member_ratings_1', 'member_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_milestones_1', 'milestones'): frozenset({''}),
     ('index', 'sqlite_autoindex_network_upgrades_1', 'network_upgrades'): frozenset({''}),
     ('index', 'sqlite_autoindex_peer_districts_1', 'peer_districts'): frozenset({''}),
     ('index', 'sqlite_autoindex_plan_info_1', 'plan_info'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_apps_1', 'privacy_apps'): frozenset({''}),
     ('index', 'sqlite_autoindex_privacy_practices_1', 'privacy_practices'): frozenset({''}),
     ('index', 'sqlite_autoindex_readiness_ratings_1', 'readiness_ratings'): frozenset({''}),
     ('index', 'sqlite_autoindex_team_members_1', 'team_members'): frozenset({''}),
     ('table', 'accepted_findings', 'accepted_findings'): frozenset({'CREATE TABLE accepted_findings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     "NULL,rule TEXT DEFAULT '' NOT "
                                                                     "NULL,item_id TEXT DEFAULT '' NOT "
                                                                     "NULL,basis TEXT DEFAULT '' NOT "
                                                                     "NULL,reason TEXT DEFAULT '' NOT "
                                                                     "NULL,role TEXT DEFAULT '' NOT "
                                                                     'NULL,CONSTRAINT pk_accepted_findings '
                                                                     'PRIMARY KEY(id))',
                                                                     'CREATE TABLE accepted_findings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     "NULL,rule TEXT DEFAULT('')NOT "
                                                                     "NULL,item_id TEXT DEFAULT('')NOT "
                                                                     "NULL,basis TEXT DEFAULT('')NOT "
                                                                     "NULL,reason TEXT DEFAULT('')NOT "
                                                                     "NULL,role TEXT DEFAULT('')NOT "
                                                                     'NULL,CONSTRAINT pk_accepted_findings '
                                                                     'PRIMARY KEY(id))'}),
     ('table', 'alembic_version', 'alembic_version'): frozenset({'CREATE TABLE alembic_version(version_num '
                                                                 'VARCHAR(32)NOT NULL,CONSTRAINT '
                                                                 'alembic_version_pkc PRIMARY '
                                                                 'KEY(version_num))'}),
     ('table', 'approval', 'approval'): frozenset({'CREATE TABLE approval(id INTEGER NOT '
                                                   "NULL,superintendent_name TEXT DEFAULT '' NOT "
                                                   "NULL,superintendent_title TEXT DEFAULT '' NOT "
                                                   "NULL,board_president TEXT DEFAULT '' NOT "
                                                   "NULL,technology_director TEXT DEFAULT '' NOT "
                                                   'NULL,board_meeting_date DATE,CONSTRAINT pk_approval '
                                                   'PRIMARY KEY(id))'}),
     ('table', 'budget_lines', 'budget_lines'): frozenset({'CREATE TABLE budget_lines(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,description TEXT '
                                                           "DEFAULT '' NOT NULL,category TEXT DEFAULT '' NOT "
                                                           'NULL,goal_id VARCHAR,recurring BOOLEAN DEFAULT 0 '
                                                           'NOT NULL,unit_cost BIGINT DEFAULT 0 NOT '
                                                           'NULL,quantity INTEGER DEFAULT 0 NOT '
                                                           'NULL,first_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,last_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,funding_source_id VARCHAR,app_id '
                                                           "VARCHAR,device_type TEXT DEFAULT '' NOT "
                                                           "NULL,device_users TEXT DEFAULT '' NOT "
                                                           'NULL,replaces_devices BOOLEAN DEFAULT 0 NOT '
                                                           'NULL,delivery_date DATE,erate_category TEXT '
                                                           "DEFAULT '' NOT NULL,match_source_id "
                                                           'VARCHAR,pilot BOOLEAN DEFAULT 0 NOT '
                                                           "NULL,accessibility_report TEXT DEFAULT '' NOT "
                                                           'NULL,CONSTRAINT pk_budget_lines PRIMARY '
                                                           'KEY(id),CONSTRAINT fk_budget_lines_goal_id_goals '
                                                           'FOREIGN KEY(goal_id)REFERENCES '
                                                           'goals(id),CONSTRAINT '
                                                           'fk_budget_lines_funding_source_id_funding_sources '
                                                           'FOREIGN KEY(funding_source_id)REFERENCES '
                                                           'funding_sources(id),CONSTRAINT '
                                                           'fk_budget_lines_app_id_privacy_apps FOREIGN '
                                                           'KEY(app_id)REFERENCES '
                                                           'privacy_apps(id),CONSTRAINT '
                                                           'fk_budget_lines_match_source_id_funding_sources '
                                                           'FOREIGN KEY(match_source_id)REFERENCES '
                                                           'funding_sources(id))',
                                                           'CREATE TABLE budget_lines(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,description TEXT '
                                                           "DEFAULT '' NOT NULL,category TEXT DEFAULT '' NOT "
                                                           'NULL,goal_id VARCHAR,recurring BOOLEAN DEFAULT 0 '
                                                           'NOT NULL,unit_cost BIGINT DEFAULT 0 NOT '
                                                           'NULL,quantity INTEGER DEFAULT 0 NOT '
                                                           'NULL,first_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,last_year INTEGER DEFAULT 0 NOT '
                                                           'NULL,funding_source_id VARCHAR,app_id '
                                                           "VARCHAR,device_type TEXT DEFAULT '' NOT "
                                                           "NULL,device_users TEXT DEFAULT '' NOT "
                                                           'NULL,replaces_devices BOOLEAN DEFAULT 0 NOT '
                                                           'NULL,delivery_date DATE,erate_category TEXT '
                                                           "DEFAULT '' NOT NULL,match_source_id "
                                                           'VARCHAR,pilot BOOLEAN DEFAULT 0 NOT '
                                                           "NULL,accessibility_report TEXT DEFAULT('')NOT "
                                                           'NULL,CONSTRAINT pk_budget_lines PRIMARY '
                                                           'KEY(id),CONSTRAINT fk_budget_lines_goal_id_goals '
                                                           'FOREIGN KEY(goal_id)REFERENCES '
                                                           'goals(id),CONSTRAINT '
                                                           'fk_budget_lines_funding_source_id_funding_sources '
                                                           'FOREIGN KEY(funding_source_id)REFERENCES '
                                                           'funding_sources(id),CONSTRAINT '
                                                           'fk_budget_lines_app_id_privacy_apps FOREIGN '
                                                           'KEY(app_id)REFERENCES '
                                                           'privacy_apps(id),CONSTRAINT '
                                                           'fk_budget_lines_match_source_id_funding_sources '
                                                           'FOREIGN KEY(match_source_id)REFERENCES '
                                                           'funding_sources(id))'}),
     ('table', 'communications', 'communications'): frozenset({'CREATE TABLE communications(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,kind TEXT '
                                                               "DEFAULT '' NOT NULL,audiences TEXT DEFAULT "
                                                               "'[]' NOT NULL,message TEXT DEFAULT '' NOT "
                                                               "NULL,channel TEXT DEFAULT '' NOT "
                                                               "NULL,languages TEXT DEFAULT '' NOT "
                                                               "NULL,planned_date DATE,owner TEXT DEFAULT '' "
                                                               'NOT NULL,CONSTRAINT pk_communications '
                                                               'PRIMARY KEY(id))',
                                                               'CREATE TABLE communications(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,kind TEXT '
                                                               "DEFAULT('')NOT NULL,audiences TEXT DEFAULT "
                                                               "'[]' NOT NULL,message TEXT DEFAULT('')NOT "
                                                               "NULL,channel TEXT DEFAULT('')NOT "
                                                               "NULL,languages TEXT DEFAULT('')NOT "
                                                               'NULL,planned_date DATE,owner TEXT '
                                                               "DEFAULT('')NOT NULL,CONSTRAINT "
                                                               'pk_communications PRIMARY KEY(id))'}),
     ('table', 'devices', 'devices'): frozenset({'CREATE TABLE devices(id VARCHAR NOT NULL,position INTEGER '
                                                 "NOT NULL,device_type TEXT DEFAULT '' NOT NULL,users TEXT "
                                                 "DEFAULT '' NOT NULL,count INTEGER DEFAULT 0 NOT "
                                                 'NULL,average_age_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,refresh_cycle_years INTEGER DEFAULT 0 NOT '
                                                 'NULL,CONSTRAINT pk_devices PRIMARY KEY(id))'}),
     ('table', 'district', 'district'): frozenset({'CREATE TABLE district(id INTEGER NOT NULL,name TEXT '
                                                   "DEFAULT '' NOT NULL,state TEXT DEFAULT '' NOT "
                                                   'NULL,enrollment INTEGER DEFAULT 0 NOT NULL,schools '
                                                   'INTEGER DEFAULT 0 NOT NULL,staff INTEGER DEFAULT 0 NOT '
                                                   'NULL,teachers INTEGER DEFAULT 0 NOT NULL,summit_city '
                                                   "TEXT DEFAULT '' NOT NULL,summit_date "
                                                   'DATE,first_fiscal_year INTEGER DEFAULT 0 NOT '
                                                   'NULL,plan_years INTEGER DEFAULT 0 NOT '
                                                   'NULL,erate_discount_percent INTEGER DEFAULT 0 NOT '
                                                   'NULL,low_income_percent INTEGER DEFAULT 0 NOT '
                                                   'NULL,peer_matching BOOLEAN DEFAULT 0 NOT NULL,CONSTRAINT '
                                                   'pk_district PRIMARY KEY(id))',
                                                   'CREATE TABLE district(id INTEGER NOT NULL,name TEXT '
                                                   "DEFAULT('')NOT NULL,state TEXT DEFAULT('')NOT "
                                                   'NULL,enrollment INTEGER DEFAULT 0 NOT NULL,schools '
                                                   'INTEGER DEFAULT 0 NOT NULL,staff INTEGER DEFAULT 0 NOT '
                                                   'NULL,teachers INTEGER DEFAULT 0 NOT NULL,summit_city '
                                                   "TEXT DEFAULT('')NOT NULL,summit_date "
                                                   'DATE,first_fiscal_year INTEGER DEFAULT 0 NOT '
                                                   'NULL,plan_years INTEGER DEFAULT 0 NOT '
                                                   'NULL,erate_discount_percent INTEGER DEFAULT 0 NOT '
                                                   'NULL,low_income_percent INTEGER DEFAULT 0 NOT '
                                                   'NULL,peer_matching BOOLEAN DEFAULT 0 NOT NULL,CONSTRAINT '
                                                   'pk_district PRIMARY KEY(id))'}),
     ('table', 'edit_log', 'edit_log'): frozenset({'CREATE TABLE edit_log(id INTEGER NOT NULL,at DATETIME '
                                                   "NOT NULL,author TEXT DEFAULT '' NOT NULL,label TEXT "
                                                   "DEFAULT '' NOT NULL,edit TEXT NOT NULL,CONSTRAINT "
                                                   'pk_edit_log PRIMARY KEY(id))'}),
     ('table', 'equity', 'equity'): frozenset({'CREATE TABLE equity(id INTEGER NOT '
                                               'NULL,no_home_internet_percent INTEGER DEFAULT 0 NOT '
                                               "NULL,take_home TEXT DEFAULT '' NOT NULL,loaner_policy TEXT "
                                               "DEFAULT '' NOT NULL,hotspot_plan TEXT DEFAULT '' NOT "
                                               'NULL,assistive_students INTEGER DEFAULT 0 NOT '
                                               "NULL,assistive_plan TEXT DEFAULT '' NOT "
                                               "NULL,public_entity_size TEXT DEFAULT '' NOT NULL,CONSTRAINT "
                                               'pk_equity PRIMARY KEY(id))',
                                               'CREATE TABLE equity(id INTEGER NOT '
                                               'NULL,no_home_internet_percent INTEGER DEFAULT 0 NOT '
                                               "NULL,take_home TEXT DEFAULT('')NOT NULL,loaner_policy TEXT "
                                               "DEFAULT('')NOT NULL,hotspot_plan TEXT DEFAULT('')NOT "
                                               'NULL,assistive_students INTEGER DEFAULT 0 NOT '
                                               "NULL,assistive_plan TEXT DEFAULT('')NOT "
                                               "NULL,public_entity_size TEXT DEFAULT('')NOT NULL,CONSTRAINT "
                                               'pk_equity PRIMARY KEY(id))'}),
     ('table', 'funding_sources', 'funding_sources'): frozenset({'CREATE TABLE funding_sources(id VARCHAR '
                                                                 'NOT NULL,position INTEGER NOT NULL,name '
                                                                 "TEXT DEFAULT '' NOT NULL,kind TEXT DEFAULT "
                                                                 "'' NOT NULL,recurring BOOLEAN DEFAULT 0 "
                                                                 "NOT NULL,amounts_1 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_2 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_3 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_4 BIGINT DEFAULT '0' NOT "
                                                                 "NULL,amounts_5 BIGINT DEFAULT '0' NOT "
                                                                 'NULL,CONSTRAINT pk_funding_sources PRIMARY '
                                                                 'KEY(id))'}),
     ('table', 'goal_actions', 'goal_actions'): frozenset({'CREATE TABLE goal_actions(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,goal_id '
                                                           "VARCHAR,text TEXT DEFAULT '' NOT NULL,owner TEXT "
                                                           "DEFAULT '' NOT NULL,due_date DATE,status TEXT "
                                                           "DEFAULT '' NOT NULL,CONSTRAINT pk_goal_actions "
                                                           'PRIMARY KEY(id),CONSTRAINT '
                                                           'fk_goal_actions_goal_id_goals FOREIGN '
                                                           'KEY(goal_id)REFERENCES goals(id)ON DELETE '
                                                           'CASCADE)'}),
     ('table', 'goals', 'goals'): frozenset({'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT '' NOT NULL,description TEXT DEFAULT "
                                             "'' NOT NULL,gear TEXT DEFAULT '' NOT NULL,iste_conditions TEXT "
                                             "DEFAULT '[]' NOT NULL,erate_elements TEXT DEFAULT '[]' NOT "
                                             "NULL,measure TEXT DEFAULT '' NOT NULL,baseline TEXT DEFAULT '' "
                                             "NOT NULL,target TEXT DEFAULT '' NOT NULL,owner TEXT DEFAULT '' "
                                             'NOT NULL,due_date DATE,priority INTEGER,CONSTRAINT pk_goals '
                                             'PRIMARY KEY(id))',
                                             'CREATE TABLE goals(id VARCHAR NOT NULL,position INTEGER NOT '
                                             "NULL,title TEXT DEFAULT('')NOT NULL,description TEXT "
                                             "DEFAULT('')NOT NULL,gear TEXT DEFAULT('')NOT "
                                             "NULL,iste_conditions TEXT DEFAULT '[]' NOT NULL,erate_elements "
                                             "TEXT DEFAULT '[]' NOT NULL,measure TEXT DEFAULT('')NOT "
                                             "NULL,baseline TEXT DEFAULT('')NOT NULL,target TEXT "
                                             "DEFAULT('')NOT NULL,owner TEXT DEFAULT('')NOT NULL,due_date "
                                             'DATE,priority INTEGER,CONSTRAINT pk_goals PRIMARY KEY(id))'}),
     ('table', 'learning_activities', 'learning_activities'): frozenset({'CREATE TABLE '
                                                                         'learning_activities(id VARCHAR NOT '
                                                                         'NULL,position INTEGER NOT '
                                                                         "NULL,title TEXT DEFAULT '' NOT "
                                                                         "NULL,component TEXT DEFAULT '' NOT "
                                                                         "NULL,audience TEXT DEFAULT '' NOT "
                                                                         'NULL,participants INTEGER DEFAULT '
                                                                         '0 NOT NULL,hours BIGINT DEFAULT 0 '
                                                                         "NOT NULL,format TEXT DEFAULT '' "
                                                                         'NOT NULL,start_date DATE,end_date '
                                                                         "DATE,goal_ids TEXT DEFAULT '[]' "
                                                                         "NOT NULL,purpose TEXT DEFAULT '' "
                                                                         'NOT NULL,CONSTRAINT '
                                                                         'pk_learning_activities PRIMARY '
                                                                         'KEY(id))',
                                                                         'CREATE TABLE '
                                                                         'learning_activities(id VARCHAR NOT '
                                                                         'NULL,position INTEGER NOT '
                                                                         "NULL,title TEXT DEFAULT('')NOT "
                                                                         "NULL,component TEXT DEFAULT('')NOT "
                                                                         "NULL,audience TEXT DEFAULT('')NOT "
                                                                         'NULL,participants INTEGER DEFAULT '
                                                                         '0 NOT NULL,hours BIGINT DEFAULT 0 '
                                                                         'NOT NULL,format TEXT '
                                                                         "DEFAULT('')NOT NULL,start_date "
                                                                         'DATE,end_date DATE,goal_ids TEXT '
                                                                         "DEFAULT '[]' NOT NULL,purpose TEXT "
                                                                         "DEFAULT('')NOT NULL,CONSTRAINT "
                                                                         'pk_learning_activities PRIMARY '
                                                                         'KEY(id))'}),
     ('table', 'lighthouse_schools', 'lighthouse_schools'): frozenset({'CREATE TABLE lighthouse_schools(id '
                                                                       'VARCHAR NOT NULL,position INTEGER '
                                                                       "NOT NULL,name TEXT DEFAULT '' NOT "
                                                                       "NULL,district TEXT DEFAULT '' NOT "
                                                                       "NULL,shows TEXT DEFAULT '' NOT "
                                                                       "NULL,goal_ids TEXT DEFAULT '[]' NOT "
                                                                       'NULL,open_from DATE,open_to TEXT '
                                                                       "DEFAULT '[]' NOT NULL,contact TEXT "
                                                                       "DEFAULT '' NOT NULL,CONSTRAINT "
                                                                       'pk_lighthouse_schools PRIMARY '
                                                                       'KEY(id))',
                                                                       'CREATE TABLE lighthouse_schools(id '
                                                                       'VARCHAR NOT NULL,position INTEGER '
                                                                       "NOT NULL,name TEXT DEFAULT('')NOT "
                                                                       "NULL,district TEXT DEFAULT('')NOT "
                                                                       "NULL,shows TEXT DEFAULT('')NOT "
                                                                       "NULL,goal_ids TEXT DEFAULT '[]' NOT "
                                                                       'NULL,open_from DATE,open_to TEXT '
                                                                       "DEFAULT '[]' NOT NULL,contact TEXT "
                                                                       "DEFAULT('')NOT NULL,CONSTRAINT "
                                                                       'pk_lighthouse_schools PRIMARY '
                                                                       'KEY(id))'}),
     ('table', 'member_ratings', 'member_ratings'): frozenset({'CREATE TABLE member_ratings(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,element_id '
                                                               "TEXT DEFAULT '' NOT NULL,member_id "
                                                               'VARCHAR,score INTEGER,CONSTRAINT '
                                                               'pk_member_ratings PRIMARY KEY(id),CONSTRAINT '
                                                               'fk_member_ratings_member_id_team_members '
                                                               'FOREIGN KEY(member_id)REFERENCES '
                                                               'team_members(id)ON DELETE CASCADE)'}),
     ('table', 'milestones', 'milestones'): frozenset({'CREATE TABLE milestones(id VARCHAR NOT NULL,position '
                                                       "INTEGER NOT NULL,title TEXT DEFAULT '' NOT "
                                                       "NULL,due_date DATE,owner TEXT DEFAULT '' NOT "
                                                       "NULL,status TEXT DEFAULT '' NOT NULL,goal_ids TEXT "
                                                       "DEFAULT '[]' NOT NULL,kind TEXT DEFAULT '' NOT "
                                                       'NULL,CONSTRAINT pk_milestones PRIMARY KEY(id))',
                                                       'CREATE TABLE milestones(id VARCHAR NOT NULL,position '
                                                       "INTEGER NOT NULL,title TEXT DEFAULT('')NOT "
                                                       "NULL,due_date DATE,owner TEXT DEFAULT('')NOT "
                                                       "NULL,status TEXT DEFAULT('')NOT NULL,goal_ids TEXT "
                                                       "DEFAULT '[]' NOT NULL,kind TEXT DEFAULT('')NOT "
                                                       'NULL,CONSTRAINT pk_milestones PRIMARY KEY(id))'}),
     ('table', 'network', 'network'): frozenset({'CREATE TABLE network(id INTEGER NOT NULL,internet_mbps '
                                                 'INTEGER DEFAULT 0 NOT NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,wifi_coverage_percent INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_mbps_per_1000 INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,support_technicians INTEGER DEFAULT 0 NOT '
                                                 'NULL,cipa_in_place BOOLEAN DEFAULT 0 NOT NULL,notes TEXT '
                                                 "DEFAULT '' NOT NULL,CONSTRAINT pk_network PRIMARY KEY(id))",
                                                 'CREATE TABLE network(id INTEGER NOT NULL,internet_mbps '
                                                 'INTEGER DEFAULT 0 NOT NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,wifi_coverage_percent INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_mbps_per_1000 INTEGER DEFAULT 0 NOT '
                                                 'NULL,target_wan_mbps INTEGER DEFAULT 0 NOT '
                                                 'NULL,support_technicians INTEGER DEFAULT 0 NOT '
                                                 'NULL,cipa_in_place BOOLEAN DEFAULT 0 NOT NULL,notes TEXT '
                                                 "DEFAULT('')NOT NULL,CONSTRAINT pk_network PRIMARY "
                                                 'KEY(id))'}),
     ('table', 'network_upgrades', 'network_upgrades'): frozenset({'CREATE TABLE network_upgrades(id VARCHAR '
                                                                   'NOT NULL,position INTEGER NOT NULL,title '
                                                                   "TEXT DEFAULT '' NOT NULL,effective_date "
                                                                   'DATE,internet_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wifi_coverage_percent INTEGER '
                                                                   'DEFAULT 0 NOT NULL,budget_line_ids TEXT '
                                                                   "DEFAULT '[]' NOT NULL,CONSTRAINT "
                                                                   'pk_network_upgrades PRIMARY KEY(id))',
                                                                   'CREATE TABLE network_upgrades(id VARCHAR '
                                                                   'NOT NULL,position INTEGER NOT NULL,title '
                                                                   "TEXT DEFAULT('')NOT NULL,effective_date "
                                                                   'DATE,internet_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wan_mbps INTEGER DEFAULT 0 NOT '
                                                                   'NULL,wifi_coverage_percent INTEGER '
                                                                   'DEFAULT 0 NOT NULL,budget_line_ids TEXT '
                                                                   "DEFAULT '[]' NOT NULL,CONSTRAINT "
                                                                   'pk_network_upgrades PRIMARY KEY(id))'}),
     ('table', 'peer_districts', 'peer_districts'): frozenset({'CREATE TABLE peer_districts(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,name TEXT '
                                                               "DEFAULT '' NOT NULL,state TEXT DEFAULT '' "
                                                               'NOT NULL,enrollment INTEGER DEFAULT 0 NOT '
                                                               'NULL,low_income_percent INTEGER DEFAULT 0 '
                                                               "NOT NULL,alike_in TEXT DEFAULT '[]' NOT "
                                                               "NULL,relation TEXT DEFAULT '' NOT "
                                                               'NULL,visit_date DATE,visitors TEXT DEFAULT '
                                                               "'' NOT NULL,adopt TEXT DEFAULT '' NOT "
                                                               'NULL,CONSTRAINT pk_peer_districts PRIMARY '
                                                               'KEY(id))',
                                                               'CREATE TABLE peer_districts(id VARCHAR NOT '
                                                               'NULL,position INTEGER NOT NULL,name TEXT '
                                                               "DEFAULT('')NOT NULL,state TEXT "
                                                               "DEFAULT('')NOT NULL,enrollment INTEGER "
                                                               'DEFAULT 0 NOT NULL,low_income_percent '
                                                               'INTEGER DEFAULT 0 NOT NULL,alike_in TEXT '
                                                               "DEFAULT '[]' NOT NULL,relation TEXT "
                                                               "DEFAULT('')NOT NULL,visit_date DATE,visitors "
                                                               "TEXT DEFAULT('')NOT NULL,adopt TEXT "
                                                               "DEFAULT('')NOT NULL,CONSTRAINT "
                                                               'pk_peer_districts PRIMARY KEY(id))'}),
     ('table', 'plan_info', 'plan_info'): frozenset({'CREATE TABLE plan_info(key VARCHAR NOT NULL,value TEXT '
                                                     'NOT NULL,CONSTRAINT pk_plan_info PRIMARY KEY(key))'}),
     ('table', 'privacy_apps', 'privacy_apps'): frozenset({'CREATE TABLE privacy_apps(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,vendor TEXT DEFAULT '' NOT "
                                                           "NULL,purpose TEXT DEFAULT '' NOT NULL,audience "
                                                           "TEXT DEFAULT '[]' NOT NULL,data_categories TEXT "
                                                           "DEFAULT '[]' NOT NULL,agreement_status TEXT "
                                                           "DEFAULT '' NOT NULL,agreement_date "
                                                           "DATE,consent_route TEXT DEFAULT '' NOT "
                                                           "NULL,retention TEXT DEFAULT '' NOT NULL,approval "
                                                           "TEXT DEFAULT '' NOT NULL,accessibility_report "
                                                           "TEXT DEFAULT '' NOT NULL,CONSTRAINT "
                                                           'pk_privacy_apps PRIMARY KEY(id))',
                                                           'CREATE TABLE privacy_apps(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,vendor TEXT DEFAULT '' NOT "
                                                           "NULL,purpose TEXT DEFAULT '' NOT NULL,audience "
                                                           "TEXT DEFAULT '[]' NOT NULL,data_categories TEXT "
                                                           "DEFAULT '[]' NOT NULL,agreement_status TEXT "
                                                           "DEFAULT '' NOT NULL,agreement_date "
                                                           "DATE,consent_route TEXT DEFAULT '' NOT "
                                                           "NULL,retention TEXT DEFAULT '' NOT NULL,approval "
                                                           "TEXT DEFAULT '' NOT NULL,accessibility_report "
                                                           "TEXT DEFAULT('')NOT NULL,CONSTRAINT "
                                                           'pk_privacy_apps PRIMARY KEY(id))'}),
     ('table', 'privacy_practices', 'privacy_practices'): frozenset({'CREATE TABLE privacy_practices(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,rating INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,CONSTRAINT "
                                                                     'pk_privacy_practices PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'readiness_ratings', 'readiness_ratings'): frozenset({'CREATE TABLE readiness_ratings(id '
                                                                     'VARCHAR NOT NULL,position INTEGER NOT '
                                                                     'NULL,score INTEGER,notes TEXT DEFAULT '
                                                                     "'' NOT NULL,revealed BOOLEAN DEFAULT 0 "
                                                                     'NOT NULL,CONSTRAINT '
                                                                     'pk_readiness_ratings PRIMARY '
                                                                     'KEY(id))'}),
     ('table', 'signature', 'signature'): frozenset({'CREATE TABLE signature(id INTEGER NOT NULL,fingerprint '
                                                     "TEXT DEFAULT '' NOT NULL,signed_at DATETIME,CONSTRAINT "
                                                     'pk_signature PRIMARY KEY(id))'}),
     ('table', 'team_members', 'team_members'): frozenset({'CREATE TABLE team_members(id VARCHAR NOT '
                                                           'NULL,position INTEGER NOT NULL,name TEXT DEFAULT '
                                                           "'' NOT NULL,role TEXT DEFAULT '' NOT NULL,title "
                                                           "TEXT DEFAULT '' NOT NULL,email TEXT DEFAULT '' "
                                                           'NOT NULL,CONSTRAINT pk_team_members PRIMARY '
                                                           'KEY(id))'}),
     ('table', 'vision', 'vision'): frozenset({'CREATE TABLE vision(id INTEGER NOT NULL,statement TEXT '
                                               "DEFAULT '' NOT NULL,CONSTRAINT pk_vision PRIMARY KEY(id))"})}}
SCHEMAS[2] = SCHEMAS[3]  # no schema change in revision 3
