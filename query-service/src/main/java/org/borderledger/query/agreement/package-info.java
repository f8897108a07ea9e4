/** The agreements read model: signature, validity, reviews, amendments and termination of each cooperation agreement. */
package org.borderledger.query.agreement;
