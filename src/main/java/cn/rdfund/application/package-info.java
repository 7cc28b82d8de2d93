/** Applications (申报) to calls, with consortium partners for joint R&D. */
package cn.rdfund.application;
