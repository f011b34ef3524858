echo ${x:-$(echo sub)} ${x:-`echo bq`}
