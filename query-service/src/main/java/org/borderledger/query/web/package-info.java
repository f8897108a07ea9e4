/** What every query endpoint shares: paged answers, and errors as RFC 9457 problem details with stable types. */
package org.borderledger.query.web;
