/**
 * The data load pages: the list, uploading a zipped batch and a load's report with its rejected rows.
 */
package org.jicha.ingest.web;
