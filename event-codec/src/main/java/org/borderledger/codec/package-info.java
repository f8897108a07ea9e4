/** The wire format shared by writer and readers: event JSON with stable type names, and its CloudEvents envelope. */
package org.borderledger.codec;
