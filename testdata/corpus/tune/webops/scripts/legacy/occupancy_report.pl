#!/usr/bin/perl
# Weekly occupancy report for the harbour office. Written 2011, still running.
use strict;
use warnings;
use DBI;
use Net::SMTP;
use POSIX qw(strftime);

my $db_host = 'db01.estate.lan';
my $db_user = 'report';
my $db_pass = '⟦generic:7hoj3XbMy⁞^T^ng+h+.S⟧';
my $smtp_password = '⟦generic:a^Rkoc5u⁞t2kZJ#qu⟧';

my $dbh = DBI->connect("DBI:mysql:database=estate;host=$db_host", $db_user, $db_pass, { RaiseError => 1 })
    or die "cannot connect: $DBI::errstr";

my $sth = $dbh->prepare(q{
    SELECT harbour, COUNT(*) AS berths, SUM(occupied) AS used
    FROM berth_status WHERE day = CURDATE() GROUP BY harbour
});
$sth->execute();

my $body = sprintf("%-20s %6s %6s\n", 'harbour', 'berths', 'used');
while (my $r = $sth->fetchrow_hashref) {
    $body .= sprintf("%-20s %6d %6d\n", $r->{harbour}, $r->{berths}, $r->{used});
}

my $smtp = Net::SMTP->new('smtp.estate.lan', Port => 587) or die "smtp: $!";
$smtp->starttls();
$smtp->auth('reports', $smtp_password);
$smtp->mail('reports@estate.example');
$smtp->to('hamnkontoret@estate.example');
$smtp->data();
$smtp->datasend("Subject: Occupancy " . strftime('%Y-%m-%d', localtime) . "\n\n$body");
$smtp->dataend();
$smtp->quit;
