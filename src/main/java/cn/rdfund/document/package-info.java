/**
 * Documents attached to a case on its tasks (申报书, 任务书 scan, reports, vouchers, minutes): uploaded on a task the
 * user may work, checked by content (type and size), kept append-only with SHA-256 and uploader, a new version for a
 * replaced one, and read by exactly those who may read the case. {@link CaseDocuments} is what other modules (the
 * audit timeline) read.
 */
package cn.rdfund.document;
