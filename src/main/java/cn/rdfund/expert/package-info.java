/** The expert pool: reviewers, their institutions, fields and declared collaborators. */
package cn.rdfund.expert;
