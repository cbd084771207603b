/**
 * The outbox API's error answers as problem details.
 */
package org.jicha.notify.web;
