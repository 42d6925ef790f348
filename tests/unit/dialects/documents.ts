/**
 * Response and request documents as the vendors publish them, copied here so no test reads ../shared.
 * Each names its source.
 */

/** OSS PutBucketInventory API reference example (seed 004: alibabacloud.com PutBucketInventory, Feb 2026), pretty-printed as published. */
export const OSS_DOC_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
  <InventoryConfiguration>
     <Id>report1</Id>
     <IsEnabled>true</IsEnabled>
     <Filter>
         <Prefix>Pics/</Prefix>
         <LastModifyBeginTimeStamp>1637883649</LastModifyBeginTimeStamp>
         <LastModifyEndTimeStamp>1638347592</LastModifyEndTimeStamp>
         <LowerSizeBound>1024</LowerSizeBound>
         <UpperSizeBound>1048576</UpperSizeBound>
         <StorageClass>Standard,IA</StorageClass>
     </Filter>
     <Destination>
        <OSSBucketDestination>
          <Format>CSV</Format>
          <AccountId>100000000000000</AccountId>
          <RoleArn>acs:ram::100000000000000:role/AliyunOSSRole</RoleArn>
          <Bucket>acs:oss:::destbucket</Bucket>
          <Prefix>prefix1/</Prefix>
          <Encryption>
             <SSE-KMS>
                <KeyId>keyId</KeyId>
             </SSE-KMS>
           </Encryption>
        </OSSBucketDestination>
     </Destination>
     <Schedule>
        <Frequency>Daily</Frequency>
     </Schedule>
     <IncludedObjectVersions>All</IncludedObjectVersions>
     <OptionalFields>
        <Field>Size</Field>
        <Field>LastModifiedDate</Field>
        <Field>TransistionTime</Field>
        <Field>ETag</Field>
        <Field>StorageClass</Field>
        <Field>IsMultipartUploaded</Field>
        <Field>EncryptionStatus</Field>
     </OptionalFields>
  </InventoryConfiguration>`;

/**
 * What oss2 (aliyun-oss-python-sdk xml_utils) writes: its own element order, `True` for IsEnabled, SSE-OSS, an
 * empty Prefix and a 0 LowerSizeBound (seed 004: "0 B to 48.8 TB"). Plus elements of a newer API.
 */
export const OSS_OSS2_STYLE = `<InventoryConfiguration><Id>test-config-id</Id><IsEnabled>True</IsEnabled>
<IncludedObjectVersions>Current</IncludedObjectVersions>
<Filter><Prefix></Prefix><LowerSizeBound>0</LowerSizeBound></Filter>
<Schedule><Frequency>Weekly</Frequency><DayOfMonth>15</DayOfMonth></Schedule>
<OptionalFields><Field>Size</Field></OptionalFields>
<Destination><OSSBucketDestination><AccountId>1000000000000001</AccountId><RoleArn>acs:ram::1000000000000001:role/r</RoleArn><Bucket>acs:oss:::dest</Bucket><Format>CSV</Format><Prefix>destination-prefix</Prefix><Encryption><SSE-OSS/></Encryption><Future a="1"><X>y</X></Future></OSSBucketDestination></Destination>
<NewTopLevelElement><Nested>1</Nested></NewTopLevelElement>
</InventoryConfiguration>`;

/** COS PUT Bucket inventory doc example (tencentcloud.com 436/30625, seed 001 shape), with the list doc's `IsMultipartUpload` typo and `True`. */
export const COS_DOC_EXAMPLE = `<InventoryConfiguration>
  <Id>list1</Id>
  <IsEnabled>True</IsEnabled>
  <Destination>
    <COSBucketDestination>
      <Format>CSV</Format>
      <AccountId>100000000001</AccountId>
      <Bucket>qcs::cos:ap-guangzhou::examplebucket-1250000000</Bucket>
      <Prefix>list1</Prefix>
      <Encryption><SSE-COS></SSE-COS></Encryption>
    </COSBucketDestination>
  </Destination>
  <Schedule><Frequency>Daily</Frequency></Schedule>
  <Filter><Prefix>myPrefix</Prefix></Filter>
  <IncludedObjectVersions>All</IncludedObjectVersions>
  <OptionalFields><Field>Size</Field><Field>IsMultipartUpload</Field></OptionalFields>
</InventoryConfiguration>`;

/** COS POST Bucket inventory doc example (tencentcloud.com 436/46869): Filter/And with a tag, plus a Period (cos-go-sdk-v5 shape). */
export const COS_AND_PERIOD = `<ListInventoryConfigurationResult>
<InventoryConfiguration><Id>inventory-id</Id><IsEnabled>false</IsEnabled>
<Destination><COSBucketDestination><Format>CSV</Format><Bucket>qcs::cos:ap-guangzhou::examplebucket-1250000000</Bucket></COSBucketDestination></Destination>
<Schedule><Frequency>Weekly</Frequency></Schedule>
<Filter><And><Prefix>myPrefix</Prefix><Tag><Key>age</Key><Value>18</Value></Tag></And><Period><StartTime>1687276800</StartTime></Period></Filter>
<IncludedObjectVersions>Current</IncludedObjectVersions>
</InventoryConfiguration>
<IsTruncated>true</IsTruncated>
<ContinuationToken>abc</ContinuationToken>
<NextContinuationToken>1ueSDFASDF1Tr/XDAFdadEADadf2J/wm36Hy4vbOwM=</NextContinuationToken>
</ListInventoryConfigurationResult>`;

/** OBS GET inventory response shape (OTC obs_04_0056 / seed 002 elements), namespaced as Huawei's SDKs receive it. */
export const OBS_GET_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<InventoryConfiguration xmlns="http://obs.myhwclouds.com/doc/2015-06-30/">
   <Id>test_id</Id>
   <IsEnabled>true</IsEnabled>
   <Filter>
         <Prefix>inventoryTestPrefix</Prefix>
   </Filter>
   <Destination>
         <Format>CSV</Format>
         <Bucket>destbucket</Bucket>
         <Prefix>dest-prefix</Prefix>
   </Destination>
   <Schedule>
          <Frequency>Daily</Frequency>
   </Schedule>
   <IncludedObjectVersions>All</IncludedObjectVersions>
   <OptionalFields>
          <Field>Size</Field>
   </OptionalFields>
   <LastModifyTime>2019-01-08T08:12:38.000Z</LastModifyTime>
</InventoryConfiguration>`;

/** OBS list response (OTC obs_04_0057): root ListInventoryConfiguration, one page. */
export const OBS_LIST_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ListInventoryConfiguration xmlns="http://obs.myhwclouds.com/doc/2015-06-30/">
  <InventoryConfiguration>
    <Id>a</Id><IsEnabled>false</IsEnabled>
    <Destination><Format>CSV</Format><Bucket>destbucket</Bucket></Destination>
    <Schedule><Frequency>Weekly</Frequency></Schedule>
    <IncludedObjectVersions>Current</IncludedObjectVersions>
  </InventoryConfiguration>
</ListInventoryConfiguration>`;

/** S3 ListBucketInventoryConfigurations response (AWS API reference sample shape), namespaced, one configuration. */
export const S3_LIST_RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<ListInventoryConfigurationsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <InventoryConfiguration>
    <Id>report1</Id>
    <IsEnabled>true</IsEnabled>
    <Destination>
      <S3BucketDestination>
        <Format>ORC</Format>
        <AccountId>123456789012</AccountId>
        <Bucket>arn:aws:s3:::destination-bucket</Bucket>
        <Prefix>prefix1</Prefix>
        <Encryption><SSE-S3/></Encryption>
      </S3BucketDestination>
    </Destination>
    <Schedule><Frequency>Daily</Frequency></Schedule>
    <IncludedObjectVersions>Current</IncludedObjectVersions>
    <OptionalFields><Field>Size</Field></OptionalFields>
  </InventoryConfiguration>
  <IsTruncated>false</IsTruncated>
</ListInventoryConfigurationsResult>`;
