-- Everything the platform's postgres modes need in one PostgreSQL database (PostgreSQL 12 or later):
-- Orleans ADO.NET clustering (membership), grain storage and reminders, with the queries the
-- providers read from OrleansQuery at start.
--
--   psql -v ON_ERROR_STOP=1 -d platform -f deploy/postgres/init.sql
--
-- Idempotent: tables and indexes are created only when missing, functions are replaced and the
-- query rows are upserted, so applying it again (or applying a newer version) does no harm and
-- keeps every row of state.
--
-- The contract with Orleans (Microsoft.Orleans.*.AdoNet 10.4.2):
-- * The providers run `SELECT QueryKey, QueryText FROM OrleansQuery` and refuse to start when a key
--   they need is missing. Each query text gets its inputs as named parameters (@DeploymentId, ...)
--   and is read back by column name (Address, Port, ..., Version), so the result columns below are
--   aliased with exactly those (quoted) names.
-- * "Boolean" answers are a single integer column: 1 for success, 0 for failure.
-- * ETags are integers that grow by one on every change.

BEGIN;

-- Serialises concurrent runs of this script (two operators, two init containers).
SELECT pg_advisory_xact_lock(7240581993);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

------------------------------------------------------------------------------------------------
-- Clustering: one version row per cluster (the membership table's optimistic-concurrency ETag)
-- and one row per silo generation.
------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS platform_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS platform_membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES platform_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NULL,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Moves a cluster's membership version one step on, if it is still p_version (locking the row:
-- concurrent writers of one cluster queue here); true when it moved.
CREATE OR REPLACE FUNCTION platform_membership_step(p_deployment_id text, p_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE platform_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id AND version = p_version;
    RETURN FOUND;
END
$fn$;

-- Takes back a step of platform_membership_step, when the change it versioned could not be made.
CREATE OR REPLACE FUNCTION platform_membership_unstep(p_deployment_id text)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE platform_membership_version
       SET version = version - 1
     WHERE deployment_id = p_deployment_id;
    RETURN 0;
END
$fn$;

-- Inserts a silo's row and moves the cluster version on, both or neither: 1 when done, 0 when the
-- row exists already or the caller's version is stale.
CREATE OR REPLACE FUNCTION platform_membership_insert(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NOT platform_membership_step(p_deployment_id, p_version) THEN
        RETURN 0;
    END IF;

    INSERT INTO platform_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         suspect_times, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        -- The whole operation fails.
        RETURN platform_membership_unstep(p_deployment_id);
    END IF;

    RETURN 1;
END
$fn$;

-- Updates a silo's status, suspicions and liveness and moves the cluster version on, both or
-- neither: 1 when done, 0 when the row is missing or the caller's version is stale.
CREATE OR REPLACE FUNCTION platform_membership_update(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NOT platform_membership_step(p_deployment_id, p_version) THEN
        RETURN 0;
    END IF;

    UPDATE platform_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN platform_membership_unstep(p_deployment_id);
    END IF;

    RETURN 1;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO platform_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created
$q$),
('MembershipReadAllKey', $q$
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
      FROM platform_membership_version v
      LEFT JOIN platform_membership m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadRowKey', $q$
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
      FROM platform_membership_version v
      LEFT JOIN platform_membership m
        ON m.deployment_id = v.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId
$q$),
('InsertMembershipKey', $q$
    SELECT platform_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                      @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$q$),
('UpdateMembershipKey', $q$
    SELECT platform_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                      @SuspectTimes, @IAmAliveTime, @Version)
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE platform_membership
       SET i_am_alive_time = @IAmAliveTime
     WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
      FROM platform_membership
     WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM platform_membership_version WHERE deployment_id = @DeploymentId
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM platform_membership
     WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

------------------------------------------------------------------------------------------------
-- Grain storage. A row is keyed by service, state name and grain key (the provider passes the
-- state name as the "grain type": every grain type must have its own state name).
------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS platform_grain_state
(
    service_id      varchar(150) NOT NULL,
    state_name      varchar(512) NOT NULL,
    grain_id_n0     bigint       NOT NULL,
    grain_id_n1     bigint       NOT NULL,
    grain_key       varchar(512) NOT NULL,  -- string key or key extension; '' when none
    grain_id_hash   integer      NOT NULL,
    state_name_hash integer      NOT NULL,
    payload         bytea        NULL,       -- NULL once cleared
    version         integer      NOT NULL,
    modified_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_key, grain_id_n0, grain_id_n1)
);

-- States are Orleans' binary serialization, which pglz barely shrinks: store them uncompressed (no compression CPU per
-- write of a state over the 2 KB TOAST threshold), and leave room in each page so that an update can stay on its
-- page (a HOT update, no index write). Both are idempotent.
ALTER TABLE platform_grain_state ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE platform_grain_state SET (fillfactor = 80);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
      FROM platform_grain_state
     WHERE service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_key = coalesce(@GrainIdExtensionString, '')
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
$q$),
-- First write (no ETag): insert, or nothing when another activation wrote first. Later writes:
-- only when the stored version is the one the grain read. No row back means a conflict.
('WriteToStorageKey', $q$
    WITH inserted AS (
        INSERT INTO platform_grain_state
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_key, grain_id_hash, state_name_hash, payload, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
               @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
         WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version),
    updated AS (
        UPDATE platform_grain_state
           SET payload = @PayloadBinary, version = version + 1, modified_at = now()
         WHERE @GrainStateVersion IS NOT NULL
           AND service_id = @ServiceId AND state_name = @GrainTypeString
           AND grain_key = coalesce(@GrainIdExtensionString, '')
           AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
           AND version = @GrainStateVersion
        RETURNING version)
    SELECT version AS "NewGrainStateVersion" FROM inserted
    UNION ALL
    SELECT version FROM updated
$q$),
('ClearStorageKey', $q$
    UPDATE platform_grain_state
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_key = coalesce(@GrainIdExtensionString, '')
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion"
$q$),
('DeleteStorageKey', $q$
    DELETE FROM platform_grain_state
     WHERE service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_key = coalesce(@GrainIdExtensionString, '')
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

------------------------------------------------------------------------------------------------
-- Creator analytics history (grains/Analytics, docs/analytics.md): one row per series, resolution
-- and bucket, a column per metric. Rows grow by increments written in the same transaction as the
-- state write of the video or creator whose counters they mirror (silo/Storage/SeriesRowBatch),
-- so they add up exactly to the counters. One table partitioned by resolution (0 minute, 1 hour,
-- 2 day), so each resolution's old rows are trimmed from its own partition.
------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS platform_series
(
    service_id  varchar(150) NOT NULL,
    series      varchar(520) NOT NULL,  -- 'v:' || video id, or 'c:' || creator id
    resolution  smallint     NOT NULL,
    bucket      bigint       NOT NULL,  -- minutes, hours or days since the Unix epoch (UTC)
    views       bigint       NOT NULL DEFAULT 0,
    likes       bigint       NOT NULL DEFAULT 0,
    shares      bigint       NOT NULL DEFAULT 0,
    comments    bigint       NOT NULL DEFAULT 0,
    skips       bigint       NOT NULL DEFAULT 0,
    watch_ms    bigint       NOT NULL DEFAULT 0,
    followers   bigint       NOT NULL DEFAULT 0,
    tips_cents  bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, series, resolution, bucket)
) PARTITION BY LIST (resolution);

CREATE TABLE IF NOT EXISTS platform_series_minute PARTITION OF platform_series FOR VALUES IN (0);
CREATE TABLE IF NOT EXISTS platform_series_hour PARTITION OF platform_series FOR VALUES IN (1);
CREATE TABLE IF NOT EXISTS platform_series_day PARTITION OF platform_series FOR VALUES IN (2);

------------------------------------------------------------------------------------------------
-- Reminders. grain_hash is the grain's uniform hash as a signed integer: each silo reads the
-- reminders of its hash range.
------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS platform_reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(512) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period        bigint       NOT NULL,  -- milliseconds
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS platform_reminders_by_hash ON platform_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period AS "Period", version AS "Version"
      FROM platform_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),
('ReadReminderRowKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period AS "Period", version AS "Version"
      FROM platform_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),
-- The range (BeginHash, EndHash] when it does not wrap around...
('ReadRangeRows1Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period AS "Period", version AS "Version"
      FROM platform_reminders
     WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),
-- ...and when it does.
('ReadRangeRows2Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period AS "Period", version AS "Version"
      FROM platform_reminders
     WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),
('UpsertReminderRowKey', $q$
    INSERT INTO platform_reminders AS r
        (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_time = EXCLUDED.start_time, period = EXCLUDED.period,
            grain_hash = EXCLUDED.grain_hash, version = r.version + 1
    RETURNING version AS "Version"
$q$),
('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM platform_reminders
         WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
           AND version = @Version
        RETURNING 1)
    SELECT count(*)::integer FROM deleted
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM platform_reminders WHERE service_id = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
