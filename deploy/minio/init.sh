#!/bin/sh
# compose.yaml's minio-init (MinIO's mc image), run once before the servers start: the pictures'
# bucket (public to read: the web page loads pictures from it through HAProxy at /<bucket>/), and
# the servers' own access key, allowed to put and delete objects in that bucket only (never the
# root credentials). Safe to run again.
#
# Verified here: `sh -n` only (no MinIO image can be pulled here). The servers' S3 driver itself
# is tested against s3rver (packages/api tests), not against MinIO.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${S3_BUCKET:?}" "${S3_ACCESS_KEY_ID:?}" "${S3_SECRET_ACCESS_KEY:?}"

tries=0
until mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "minio-init: MinIO did not answer within 60 s" >&2; exit 1; }
  sleep 1
done

mc mb --ignore-existing "local/$S3_BUCKET"
mc anonymous set download "local/$S3_BUCKET"

cat >/tmp/miniter-media.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      "Resource": ["arn:aws:s3:::$S3_BUCKET/*"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::$S3_BUCKET"]
    }
  ]
}
JSON
mc admin policy create local miniter-media /tmp/miniter-media.json
mc admin user add local "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"
# Already attached on a second run: mc says so and fails; nothing to do then.
mc admin policy attach local miniter-media --user "$S3_ACCESS_KEY_ID" 2>/dev/null || true
echo "minio-init: bucket $S3_BUCKET and user $S3_ACCESS_KEY_ID ready"
