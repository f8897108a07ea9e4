-- one database per service: the read side never reads the event store's tables
CREATE DATABASE ledger_command;
CREATE DATABASE ledger_query;
