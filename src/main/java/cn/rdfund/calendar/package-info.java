/**
 * Working days (工作日) for periods such as the public notice: weekends and public holidays are not counted,
 * 调休 workdays are.
 */
package cn.rdfund.calendar;
