#!/usr/bin/env perl
use strict;
use warnings;
use DBI;
use Getopt::Long;
use LWP::UserAgent;

my $env = 'staging';
my $dry_run = 0;
GetOptions('env=s' => \$env, 'dry-run' => \$dry_run) or die "usage: $0 --env ENV\n";

my %hosts = (
    staging    => 'db-stg.internal',
    production => 'db-prod.internal',
);

my $db_user = 'deployer';
my $db_pass = '⟦generic:Thistle-9732thistle.YG⟧';

my $dbh = DBI->connect("dbi:Pg:dbname=catalog;host=$hosts{$env}", $db_user, $db_pass,
    { RaiseError => 1, AutoCommit => 0 }) or die $DBI::errstr;

my $ua = LWP::UserAgent->new(timeout => 20);
$ua->default_header('X-Api-Key' => $ENV{CATALOG_API_KEY} // die "CATALOG_API_KEY not set\n");

my $cdn = LWP::UserAgent->new;
$cdn->credentials('cdn-admin.internal:443', 'Purge', 'purge-bot', '⟦generic:B-Y5xv+ZgQLdmZPLOj1A⟧');

sub migrate {
    my ($dbh) = @_;
    for my $file (sort glob('migrations/*.sql')) {
        print "applying $file\n";
        next if $dry_run;
        local $/;
        open my $fh, '<', $file or die "$file: $!";
        $dbh->do(<$fh>);
    }
    $dbh->commit;
}

migrate($dbh);
print "done ($env)\n";
