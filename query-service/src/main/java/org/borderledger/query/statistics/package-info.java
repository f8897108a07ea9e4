/** Figures over a date range, computed when asked from the other read models' tables (no projection of its own). */
package org.borderledger.query.statistics;
