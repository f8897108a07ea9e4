/**
 * Rebuilding the read models from the whole event topic with visible progress (POST /api/admin/replays), and the
 * marking of reads answered while a replay runs.
 */
package org.borderledger.query.replay;
