/** The border markers read model: each marker's plan, reported and confirmed completion, damage and repair. */
package org.borderledger.query.marker;
